-- user_role: gives a user a global role, with its audit record in the same step.
-- The actor's right is decided here from the actor's own record, not from what their token said moments
-- ago: a user demoted meanwhile cannot act. Only an administrator changes roles; nobody changes their own;
-- and since nobody grants a rank at or above their own, only root grants or takes away the admin role (so
-- the last administrator can never be demoted but by root, which always exists). Giving the role a user
-- has already changes and records nothing. A role given here is given by hand: an identity provider's claim no longer
-- changes it (roleByHand).
-- KEYS: 1 users base
-- ARGV: 1 user id, 2 role (admin, organizer, member), 3 actor kind (root, user), 4 actor id (0 for root),
--      5 now (ms), 6 request id ('' none)
-- REPLY: {'OK', version, role before} | {'INVALID_USER'} | {'FORBIDDEN', why}
local uid, role, actorKind, actorId, now, requestId = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local user = redis.call('HMGET', ukey(uid), 'version', 'deleted', 'role')
if not user[1] or user[2] == '1' then return {'INVALID_USER'} end
local before = user[3] or 'member'
local actor, administers = acting_admin(actorKind, actorId)
if not administers then return {'FORBIDDEN', 'Only an administrator may change roles'} end
if actorKind ~= 'root' then
  if actorId == uid then return {'FORBIDDEN', 'Nobody may change their own role'} end
  if before == 'admin' or role == 'admin' then
    return {'FORBIDDEN', 'Only root (the administrator token) may grant or take away the admin role'}
  end
end
if before == role then return {'OK', tonumber(user[1]), before} end
local version = redis.call('HINCRBY', ukey(uid), 'version', 1)
redis.call('HSET', ukey(uid), 'role', role, 'roleByHand', '1')
if role == 'admin' then redis.call('SADD', base .. ':admins', uid) else redis.call('SREM', base .. ':admins', uid) end
audit(base, now, 'role_changed', actor, 'user:' .. uid, before, role, requestId)
return {'OK', version, before}
