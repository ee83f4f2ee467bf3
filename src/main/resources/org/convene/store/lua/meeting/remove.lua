-- remove: a host takes a participant out of an instance, with the audit record in the same step.
-- It is a leave whose reason is 'kicked', followed on the live feed by a participant_removed entry naming the actor.
-- The actor's right is checked here against the meeting at this moment: an administrator (the role comes from their
-- token's resolution), the meeting's owner or a co-host now; and a host reaches only those ranked below them (the
-- target's global role comes from the users' slot just before): a co-host only attendees, the owner no
-- administrator, nobody the meeting's owner but an administrator, nobody themselves.
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 user id, 5 the user's role (admin, organizer, member),
--      6 actor kind (root, user), 7 actor id (0 for root), 8 actor role, 9 now (ms), 10 request id ('' none)
-- REPLY: {'OK', event number} | {'INVALID_INSTANCE'} | {'NOT_ACTIVE'} | {'NOT_IN_MEETING'} | {'FORBIDDEN', why}
local iid, uid, targetRole, actorKind, actorId, actorRole, now, requestId =
    ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9], ARGV[10]
local status = settle(iid, now)
if not status then return {'INVALID_INSTANCE'} end
local m = redis.call('HMGET', base .. ':meeting', 'owner', 'cohosts')
local owner, cohosts = m[1], m[2]
local actor = {kind = actorKind, id = actorId, role = actorRole}
if actor_rank(actor, owner, cohosts) < COHOST then return {'FORBIDDEN', "Only the meeting's hosts (its owner, co-hosts and the administrators) may do this"} end
local why = out_of_reach('remove', actor, uid, targetRole, owner, cohosts)
if why then return {'FORBIDDEN', why} end
if status ~= 'active' then return {'NOT_ACTIVE'} end
if not remove_participant(iid, uid, now, 'kicked') then return {'NOT_IN_MEETING'} end
local n = tonumber(redis.call('HGET', ikey(iid), 'events'))
feed(iid, 'participant_removed', uid, n, now, nil, actor_name(actor))
outbox(iid, 'participant.removed', now, 'user', uid, 'actor', actor_name(actor))
audit(base, now, 'participant_removed', actor, 'user:' .. uid, 'inside', 'kicked', requestId, 'instance', iid)
return {'OK', n}
