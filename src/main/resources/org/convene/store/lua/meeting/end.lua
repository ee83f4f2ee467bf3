-- end: a host ends an active instance now for everyone, and every participant times out; recorded in the same step.
-- If the window has already passed, settle ends it at its `to` instead and this call is refused as not
-- active: the timeouts are written once either way. The actor's right is checked against the meeting now: root,
-- an administrator, the owner, or a co-host when the meeting's cohostsCanEnd is '1'.
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 now (ms), 5 actor kind (root, user), 6 actor id (0 for root),
--      7 actor role, 8 request id ('' none)
-- REPLY: {'OK', {timed-out user id, ...}} | {'INVALID_INSTANCE'} | {'NOT_ACTIVE'} | {'FORBIDDEN', why}
local iid, now, actorKind, actorId, actorRole, requestId = ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8]
local status = settle(iid, now)
if not status then return {'INVALID_INSTANCE'} end
local m = redis.call('HMGET', base .. ':meeting', 'owner', 'cohosts', 'cohostsCanEnd')
local actor = {kind = actorKind, id = actorId, role = actorRole}
local rank = actor_rank(actor, m[1], m[2])
if rank < OWNER and not (rank == COHOST and m[3] == '1') then
  return {'FORBIDDEN', rank == COHOST and 'This meeting does not let co-hosts end it'
      or "Only the meeting's hosts may end it"}
end
if status ~= 'active' then return {'NOT_ACTIVE'} end
local uids = end_instance(iid, now, 'administrator')
audit(base, now, 'instance_ended', actor, 'instance:' .. iid, 'active', 'ended', requestId, 'instance', iid,
    'participants', #uids)
return {'OK', uids}
