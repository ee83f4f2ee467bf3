-- user_token: gives a user the credential with this SHA-256 hash, retiring any previous one of its kind.
-- 'api' is their bearer token (field tokenHash, index <base>:tokens), 'feed' their calendar feed's address
-- (field feedTokenHash, index <base>:feed-tokens). Only hashes are stored: a token is shown once, when it
-- is made. A deleted user (a tombstone) gets none.
-- The audit record names the new credential by the first 12 hex digits of its hash (never the token: a prefix of
-- the SHA-256 of 256 random bits tells nothing of it).
-- KEYS: 1 users base
-- ARGV: 1 user id, 2 hash, 3 kind ('api' or 'feed'), 4 actor kind (root, user, system), 5 actor id (0 but for a
--      user), 6 now (ms), 7 request id ('' none)
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
audit(base, ARGV[6], ARGV[3] == 'feed' and 'feed_token_issued' or 'token_issued', acting_admin(ARGV[4], ARGV[5]),
    'user:' .. uid, old and ('credential ' .. string.sub(old, 1, 12)) or '', 'credential ' .. string.sub(hash, 1, 12),
    ARGV[7], 'subject', uid)
return {'OK'}
