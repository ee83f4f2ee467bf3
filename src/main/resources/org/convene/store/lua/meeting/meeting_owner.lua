-- meeting_owner: hands the meeting over to another owner, with its audit record in the same step.
-- The actor's right is checked here against the owner at this moment: an owner who handed the meeting
-- over a moment ago, or whose hand-over raced another, can no longer act; administrators (their role comes
-- from their token's resolution) always may. The meeting's version moves, and so does the version each
-- instance carries, so that every node's cached copy of the meeting is read again. Whether the new owner
-- may own meetings (an organizer or administrator) is decided by the caller in the users' slot just before.
-- The active instance's feed and the webhooks are told (owner_transferred).
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 new owner's user id, 4 actor kind (root, user), 5 actor id (0 for root),
--      6 actor role (admin, organizer, member), 7 now (ms), 8 request id ('' none)
-- REPLY: {'OK', version, previous owner's id | false, the active instance told | false} | {'INVALID_MEETING'} | {'FORBIDDEN'}
local owner, actorKind, actorId, actorRole, now, requestId = ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8]
local mkey = base .. ':meeting'
local current = redis.call('HMGET', mkey, 'version', 'owner')
if not current[1] then return {'INVALID_MEETING'} end
local before = current[2]
local actor = {kind = actorKind, id = actorId, role = actorRole}
if not runs_meeting(actor, before) then return {'FORBIDDEN'} end
if before == owner then return {'OK', tonumber(current[1]), tonumber(before), false} end
redis.call('HSET', mkey, 'owner', owner)
-- A co-host who becomes the owner is a co-host no more: the owner ranks above.
local cohosts = redis.call('HGET', mkey, 'cohosts')
if is_cohost(cohosts, owner) then
  local ids = {}
  for id in string.gmatch(cohosts, '[^,]+') do if id ~= owner then ids[#ids + 1] = id end end
  redis.call('HSET', mkey, 'cohosts', table.concat(ids, ','))
end
local version = bump_version()
local active = tell_meeting(now, 'owner_transferred', owner, actor_name(actor), 'meeting.owner_transferred', 'user', owner,
    'previous', before or '')
audit(base, now, 'owner_transferred', actor, 'meeting:' .. redis.call('HGET', mkey, 'id'), before or '', owner, requestId)
return {'OK', version, before and tonumber(before) or false, active and tonumber(active) or false}
