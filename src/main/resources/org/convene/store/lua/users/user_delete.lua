-- user_delete: deletes a user, keeping the record as a tombstone (deleted = 1).
-- Frees their e-mail, token, identity and sessions and drops them from the list, but keeps the record, so that events, chat
-- and participants that name the user never point at nothing. A deleted user cannot be read, changed, or join.
-- The deletion and its audit record are one step.
-- KEYS: 1 users base
-- ARGV: 1 user id, 2 actor kind (root, user, system), 3 actor id (0 but for a user), 4 now (ms), 5 request id ('' none)
-- REPLY: {'OK'} | {'INVALID_USER'}
local uid = ARGV[1]
local user = redis.call('HMGET', ukey(uid), 'email', 'deleted', 'tokenHash', 'identity')
if not user[1] or user[2] == '1' then return {'INVALID_USER'} end
-- Their identity is let go (signing in again through the provider makes a new user) and their sessions end.
if user[4] then redis.call('HDEL', base .. ':identities', user[4]) end
for _, h in ipairs(redis.call('SMEMBERS', ukey(uid) .. ':sessions')) do redis.call('DEL', base .. ':session:' .. h) end
redis.call('DEL', ukey(uid) .. ':sessions')
if user[3] then redis.call('HDEL', base .. ':tokens', user[3]) end
redis.call('HDEL', base .. ':emails', user[1])
redis.call('ZREM', base .. ':ids', uid)
redis.call('SREM', base .. ':admins', uid)
redis.call('HDEL', ukey(uid), 'tokenHash', 'passwordHash', 'identity')
redis.call('HSET', ukey(uid), 'deleted', 1)
audit(base, ARGV[4], 'user_deleted', acting_admin(ARGV[2], ARGV[3]), 'user:' .. uid, 'active', 'deleted', ARGV[5],
    'subject', uid)
return {'OK'}
