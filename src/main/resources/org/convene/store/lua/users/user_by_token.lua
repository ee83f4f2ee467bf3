-- user_by_token: the user whose API token has this SHA-256 hash.
-- The caller compares the stored hash with its own in constant time. A suspended user's token opens nothing.
-- KEYS: 1 users base
-- ARGV: 1 token hash
-- REPLY: {'OK', user id, stored hash, e-mail, role, the instance of a guest | false} | {'INVALID_USER'}
local uid = redis.call('HGET', base .. ':tokens', ARGV[1])
if not uid then return {'INVALID_USER'} end
local user = redis.call('HMGET', ukey(uid), 'tokenHash', 'email', 'role', 'suspended', 'guestOf')
if not user[1] or user[4] == '1' then return {'INVALID_USER'} end
return {'OK', uid, user[1], user[2], user[3] or 'member', user[5] or false}
