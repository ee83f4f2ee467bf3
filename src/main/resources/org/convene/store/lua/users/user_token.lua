-- Gives user ARGV[1] the token whose SHA-256 hash is ARGV[2], retiring any previous one.
-- Only hashes are stored: a token is shown once, when it is made. A deleted user (a tombstone) gets none.
local uid, hash = ARGV[1], ARGV[2]
if redis.call('EXISTS', ukey(uid)) == 0 or redis.call('HGET', ukey(uid), 'deleted') == '1' then
  return {'INVALID_USER'}
end
local old = redis.call('HGET', ukey(uid), 'tokenHash')
if old then redis.call('HDEL', base .. ':tokens', old) end
redis.call('HSET', ukey(uid), 'tokenHash', hash)
redis.call('HSET', base .. ':tokens', hash, uid)
return {'OK'}
