-- Gives user ARGV[1] the credential whose SHA-256 hash is ARGV[2], retiring any previous one of its kind:
-- ARGV[3] 'api' (their bearer token: field tokenHash, index <base>:tokens) or 'feed' (their calendar feed's
-- address: field feedTokenHash, index <base>:feed-tokens). Only hashes are stored: a token is shown once,
-- when it is made. A deleted user (a tombstone) gets none.
local uid, hash = ARGV[1], ARGV[2]
local field, index = 'tokenHash', base .. ':tokens'
if ARGV[3] == 'feed' then field, index = 'feedTokenHash', base .. ':feed-tokens' end
if redis.call('EXISTS', ukey(uid)) == 0 or redis.call('HGET', ukey(uid), 'deleted') == '1' then
  return {'INVALID_USER'}
end
local old = redis.call('HGET', ukey(uid), field)
if old then redis.call('HDEL', index, old) end
redis.call('HSET', ukey(uid), field, hash)
redis.call('HSET', index, hash, uid)
return {'OK'}
