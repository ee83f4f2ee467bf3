-- ban: a host bans a user from the meeting (or lifts the ban), with the audit record in the same step.
-- A ban is the meeting hash's field ban:<user id> = '<until ms, 0 for good>|<reason>', which join reads in the
-- same HMGET as the meeting's other fields, so that a join and a ban are ordered by Redis: a banned user is
-- never inside. Banning someone inside the active instance takes them out in the same step (a leave whose
-- reason is 'banned'). The actor's right and the ranks are checked here as for a removal: an administrator
-- (the role comes from their token's resolution), the owner or a co-host now, each reaching only those ranked
-- below them; nobody bans themselves. The live feed of the active instance and the webhooks are told
-- (participant_banned, participant_unbanned), naming the actor.
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 'ban' | 'lift', 4 user id, 5 the user's role, 6 actor kind (root, user),
--      7 actor id (0 for root), 8 actor role, 9 until (ms, '0' for good), 10 reason, 11 now (ms), 12 request id
-- REPLY: {'OK', 1 changed | 0 as it was, the instance they were taken out of | false, the active instance told | false}
--      | {'INVALID_MEETING'} | {'FORBIDDEN', why}
local mode, uid, targetRole, actorKind, actorId, actorRole, untilMs, reason, now, requestId =
    ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9], ARGV[10], ARGV[11], ARGV[12]
local mkey = base .. ':meeting'
local m = redis.call('HMGET', mkey, 'id', 'owner', 'ban:' .. uid, 'cohosts')
if not m[1] then return {'INVALID_MEETING'} end
local actor = {kind = actorKind, id = actorId, role = actorRole}
if actor_rank(actor, m[2], m[4]) < COHOST then return {'FORBIDDEN', "Only the meeting's hosts (its owner, co-hosts and the administrators) may do this"} end
local why = out_of_reach('ban', actor, uid, targetRole, m[2], m[4])
if why then return {'FORBIDDEN', why} end
local removed = false
if mode == 'lift' then
  if not m[3] then return {'OK', 0, false, false} end
  redis.call('HDEL', mkey, 'ban:' .. uid)
else
  local value = untilMs .. '|' .. reason
  if m[3] == value then return {'OK', 0, false, false} end
  redis.call('HSET', mkey, 'ban:' .. uid, value)
  local active = active_instance(now)
  if active and remove_participant(active, uid, now, 'banned') then removed = tonumber(active) end
end
local told
if mode == 'lift' then
  told = tell_meeting(now, 'participant_unbanned', uid, actor_name(actor), 'participant.unbanned', 'user', uid)
else
  told = tell_meeting(now, 'participant_banned', uid, actor_name(actor), 'participant.banned', 'user', uid, 'until', untilMs,
      'reason', reason)
end
audit(base, now, mode == 'lift' and 'participant_unbanned' or 'participant_banned', actor, 'user:' .. uid, m[3] or '',
    mode == 'lift' and '' or (untilMs .. '|' .. reason), requestId, 'reason', reason)
return {'OK', 1, removed, told and tonumber(told) or false}
