-- cohost: the owner or an administrator appoints or revokes a co-host (a co-host may resign), with its record.
-- Co-hosts are the meeting hash's field `cohosts` (user ids joined by commas), read by every host check in the same
-- HMGET as the owner, so that a revoked co-host can do nothing after the revocation. The meeting's version moves
-- (every node reads its copy again), the active instance's feed and the webhooks are told (role_changed), and the
-- audit record is written in the same step. The appointee's global role comes from the users' slot just before:
-- the owner is already above a co-host and cannot be appointed.
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 'appoint' | 'revoke', 4 user id, 5 actor kind (root, user), 6 actor id (0 for root),
--      7 actor role, 8 now (ms), 9 request id ('' none)
-- REPLY: {'OK', 1 changed | 0 as it was, {co-host id, ...}, the active instance told | false} | {'INVALID_MEETING'} | {'FORBIDDEN', why}
local mode, uid, actorKind, actorId, actorRole, now, requestId =
    ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9]
local mkey = base .. ':meeting'
local m = redis.call('HMGET', mkey, 'id', 'owner', 'cohosts')
if not m[1] then return {'INVALID_MEETING'} end
local owner, cohosts = m[2], m[3] or ''
local actor = {kind = actorKind, id = actorId, role = actorRole}
local resigning = mode == 'revoke' and actor.kind == 'user' and actor.id == uid
if not resigning and actor_rank(actor, owner, cohosts) < OWNER then
  return {'FORBIDDEN', "Only the meeting's owner or an administrator may appoint or revoke co-hosts"}
end
if mode == 'appoint' and uid == owner then return {'FORBIDDEN', "The meeting's owner is already its host"} end
local ids = {}
for id in string.gmatch(cohosts, '[^,]+') do ids[#ids + 1] = id end
local present = is_cohost(cohosts, uid)
if (mode == 'appoint') == present then return {'OK', 0, ids, false} end
if mode == 'appoint' then
  ids[#ids + 1] = uid
  table.sort(ids, function(a, b) return tonumber(a) < tonumber(b) end)
else
  for i, id in ipairs(ids) do if id == uid then table.remove(ids, i) break end end
end
redis.call('HSET', mkey, 'cohosts', table.concat(ids, ','))
bump_version()
local after = mode == 'appoint' and 'cohost' or 'attendee'
local active = tell_meeting(now, 'role_changed', uid, actor_name(actor), 'meeting.role_changed', 'user', uid, 'role', after)
audit(base, now, mode == 'appoint' and 'cohost_appointed' or 'cohost_revoked', actor, 'user:' .. uid,
    mode == 'appoint' and 'attendee' or 'cohost', after, requestId)
return {'OK', 1, ids, active and tonumber(active) or false}
