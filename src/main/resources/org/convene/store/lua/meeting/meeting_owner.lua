-- meeting_owner: hands the meeting over to another owner, with its audit record in the same step.
-- The actor's right is checked here against the owner at this moment: an owner who handed the meeting
-- over a moment ago, or whose hand-over raced another, can no longer act; administrators (their role comes
-- from their token's resolution) always may. The meeting's version moves, and so does the version each
-- instance carries, so that every node's cached copy of the meeting is read again. Whether the new owner
-- may own meetings (an organizer or administrator) is decided by the caller in the users' slot just before.
-- KEYS: 1 meeting base, 2 events base
-- ARGV: 1 data db, 2 events db, 3 new owner's user id, 4 actor kind (root, user), 5 actor id (0 for root),
--      6 actor role (admin, organizer, member), 7 now (ms), 8 request id ('' none)
-- REPLY: {'OK', version, previous owner's id | false} | {'INVALID_MEETING'} | {'FORBIDDEN'}
local owner, actorKind, actorId, actorRole, now, requestId = ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8]
local mkey = base .. ':meeting'
local current = redis.call('HMGET', mkey, 'version', 'owner')
if not current[1] then return {'INVALID_MEETING'} end
local before = current[2]
local actor = {kind = actorKind, id = actorId, role = actorRole}
if not runs_meeting(actor, before) then return {'FORBIDDEN'} end
if before == owner then return {'OK', tonumber(current[1]), tonumber(before)} end
local version = redis.call('HINCRBY', mkey, 'version', 1)
redis.call('HSET', mkey, 'owner', owner)
for _, iid in ipairs(redis.call('ZRANGE', base .. ':instances', 0, -1)) do
  redis.call('HSET', ikey(iid), 'meetingVersion', version)
end
audit(base, now, 'owner_transferred', actor, 'meeting:' .. redis.call('HGET', mkey, 'id'), before or '', owner, requestId)
return {'OK', version, before and tonumber(before) or false}
