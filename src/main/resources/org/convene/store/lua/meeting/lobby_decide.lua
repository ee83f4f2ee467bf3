-- lobby_decide: a host admits or denies one waiter of an occurrence's lobby, with the audit record in the same step.
-- The actor's right is checked here against the meeting at this moment (an administrator, the owner or a co-host).
-- Idempotent and race-free: admitting someone admitted is that one admission again, denying someone denied the same;
-- whichever of an admit and a deny of one waiter runs first wins, and the other is told what happened (LOBBY_DECIDED).
-- An admission keeps a seat (seats: people inside plus unused admissions, never waiters) for ADMIT_GRACE_MS; with
-- no seat free it is refused (INSTANCE_FULL) and they go on waiting.
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 user id, 5 'admit' | 'deny', 6 actor kind (root, user),
--      7 actor id (0 for root), 8 actor role, 9 now (ms), 10 request id ('' none)
-- REPLY: {'OK', state after ('admitted' | 'denied'), 1 if this call decided | 0, the seat frees (ms) | false}
--      | {'INVALID_INSTANCE'} | {'NOT_ACTIVE'} | {'FORBIDDEN', why} | {'NOT_WAITING', user id}
--      | {'LOBBY_DECIDED', user id, 'admitted' | 'denied'} | {'INSTANCE_FULL'}
local iid, uid, verb, actorKind, actorId, actorRole, now, requestId =
    ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9], ARGV[10]
local status = settle(iid, now)
if not status then return {'INVALID_INSTANCE'} end
local m = redis.call('HMGET', base .. ':meeting', 'owner', 'cohosts', 'capacity')
local actor = {kind = actorKind, id = actorId, role = actorRole}
if actor_rank(actor, m[1], m[2]) < COHOST then
  return {'FORBIDDEN', "Only the meeting's hosts (its owner, co-hosts and the administrators) may do this"}
end
if status ~= 'active' then return {'NOT_ACTIVE'} end
lobby_lapse(iid, now)
local state, _, name = lobby_state(iid, uid)
local admitted = state == 'a' or state == 'j'
if verb == 'admit' then
  if admitted then return {'OK', 'admitted', 0, false} end
  if state == 'd' then return {'LOBBY_DECIDED', uid, 'denied'} end
  if state ~= 'w' then return {'NOT_WAITING', uid} end
  local capacity = tonumber(m[3] or '0')
  if capacity > 0 and seats_taken(iid) >= capacity then return {'INSTANCE_FULL'} end
  local due = admit_waiter(iid, uid, name, now, actor_name(actor))
  audit(base, now, 'lobby_admitted', actor, 'user:' .. uid, 'waiting', 'admitted', requestId, 'instance', iid)
  return {'OK', 'admitted', 1, tostring(due)}
end
if state == 'd' then return {'OK', 'denied', 0, false} end
if admitted then return {'LOBBY_DECIDED', uid, 'admitted'} end
if state ~= 'w' then return {'NOT_WAITING', uid} end
redis.call('ZREM', ikey(iid) .. ':lobby', uid)
redis.call('ZREM', ikey(iid) .. ':lobby:lease', uid)
wait_ends(iid, uid, now, 'd')
set_lobby_state(iid, uid, 'd', now, name)
lobby_event(iid, 'denied', uid, now, 0, nil, actor_name(actor), name)
audit(base, now, 'lobby_denied', actor, 'user:' .. uid, 'waiting', 'denied', requestId, 'instance', iid)
return {'OK', 'denied', 1, false}
