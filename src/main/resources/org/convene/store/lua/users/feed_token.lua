-- Gives user ARGV[1] the calendar feed token whose SHA-256 hash is ARGV[2], retiring any previous one.
-- A feed token only reads the user's calendar: it is not their API token. A deleted user gets none.
local uid, hash = ARGV[1], ARGV[2]
if redis.call('EXISTS', ukey(uid)) == 0 or redis.call('HGET', ukey(uid), 'deleted') == '1' then
  return {'INVALID_USER'}
end
local old = redis.call('HGET', ukey(uid), 'feedTokenHash')
if old then redis.call('HDEL', base .. ':feed-tokens', old) end
redis.call('HSET', ukey(uid), 'feedTokenHash', hash)
redis.call('HSET', base .. ':feed-tokens', hash, uid)
return {'OK'}
