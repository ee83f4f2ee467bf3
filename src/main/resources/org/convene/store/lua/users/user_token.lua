-- user_token: gives a user the credential with this SHA-256 hash, retiring any previous one of its kind.
-- 'api' is their bearer token (field tokenHash, index <base>:tokens), 'feed' their calendar feed's address
-- (field feedTokenHash, index <base>:feed-tokens). Only hashes are stored: a token is shown once, when it
-- is made. A deleted user (a tombstone) gets none.
-- KEYS: 1 users base
-- ARGV: 1 user id, 2 hash, 3 kind ('api' or 'feed')
-- REPLY: {'OK'} | {'INVALID_USER'}
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
