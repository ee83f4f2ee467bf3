-- user_suspend: suspends a user (or lifts it), with its audit record in the same step.
-- A suspension retires the user's bearer token and calendar feed address at once (a new one is made when
-- the suspension is lifted) and their token lookups answer nothing while it lasts; their meetings go on.
-- The actor's right is decided here from their own record, as for roles: only an administrator suspends,
-- nobody themselves, and only root an administrator.
-- KEYS: 1 users base
-- ARGV: 1 user id, 2 '1' suspend | '0' lift, 3 actor kind (root, user), 4 actor id (0 for root), 5 now (ms),
--      6 request id ('' none)
-- REPLY: {'OK', version} | {'INVALID_USER'} | {'FORBIDDEN', why}
local uid, suspend, actorKind, actorId, now, requestId = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local user = redis.call('HMGET', ukey(uid), 'version', 'deleted', 'role', 'suspended', 'tokenHash', 'feedTokenHash')
if not user[1] or user[2] == '1' then return {'INVALID_USER'} end
local actor, administers = acting_admin(actorKind, actorId)
if not administers then return {'FORBIDDEN', 'Only an administrator may suspend users'} end
if actorKind ~= 'root' then
  if actorId == uid then return {'FORBIDDEN', 'Nobody may suspend themselves or lift their own suspension'} end
  if user[3] == 'admin' then return {'FORBIDDEN', 'Only root (the administrator token) may suspend an administrator'} end
end
local before = user[4] == '1' and '1' or '0'
if before == suspend then return {'OK', tonumber(user[1])} end
local version = redis.call('HINCRBY', ukey(uid), 'version', 1)
if suspend == '1' then
  redis.call('HSET', ukey(uid), 'suspended', '1')
  if user[5] then redis.call('HDEL', base .. ':tokens', user[5]) end
  if user[6] then redis.call('HDEL', base .. ':feed-tokens', user[6]) end
  redis.call('HDEL', ukey(uid), 'tokenHash', 'feedTokenHash')
else
  redis.call('HDEL', ukey(uid), 'suspended')
end
audit(base, now, suspend == '1' and 'user_suspended' or 'user_unsuspended', actor, 'user:' .. uid, before, suspend, requestId)
return {'OK', version}
