-- lobby_admit_all: a host admits the lobby's waiters in arrival order, as far as the seats go.
-- Never past the seats free, with one audit record in the same step. However many hosts press it at once, the steps run one after another,
-- each seeing the seats the one before took. Who is left waits on; their reason is 'full' when no seat is free.
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 actor kind (root, user), 5 actor id (0 for root), 6 actor role,
--      7 now (ms), 8 request id ('' none), 9 at most this many still waiting in the reply
-- REPLY: {'OK', {admitted user id, ...}, {user id, position, ...} (still waiting, the first ones), how many still
--      wait, reason they wait ('full' | ''), next seat frees (ms) | false}
--      | {'INVALID_INSTANCE'} | {'NOT_ACTIVE'} | {'FORBIDDEN', why}
local iid, actorKind, actorId, actorRole, now, requestId, shown =
    ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], tonumber(ARGV[9])
local status = settle(iid, now)
if not status then return {'INVALID_INSTANCE'} end
local m = redis.call('HMGET', base .. ':meeting', 'owner', 'cohosts', 'capacity')
local actor = {kind = actorKind, id = actorId, role = actorRole}
if actor_rank(actor, m[1], m[2]) < COHOST then
  return {'FORBIDDEN', "Only the meeting's hosts (its owner, co-hosts and the administrators) may do this"}
end
if status ~= 'active' then return {'NOT_ACTIVE'} end
lobby_lapse(iid, now)
local lkey = ikey(iid) .. ':lobby'
local waiting = redis.call('ZCARD', lkey)
local capacity = tonumber(m[3] or '0')
local free = waiting
if capacity > 0 then free = math.max(0, math.min(waiting, capacity - seats_taken(iid))) end
local admitted, due = {}, false
if free > 0 then
  local name_of = actor_name(actor)
  for _, uid in ipairs(redis.call('ZRANGE', lkey, 0, free - 1)) do
    local _, _, name = lobby_state(iid, uid)
    due = admit_waiter(iid, uid, name, now, name_of)
    admitted[#admitted + 1] = uid
  end
  audit(base, now, 'lobby_admitted_all', actor, 'instance:' .. iid, waiting .. ' waiting',
      #admitted .. ' admitted', requestId, 'instance', iid)
end
local left = redis.call('ZRANGE', lkey, 0, shown - 1)
local rest = {}
for i, uid in ipairs(left) do
  rest[#rest + 1] = uid
  rest[#rest + 1] = i
end
return {'OK', admitted, rest, waiting - #admitted, (waiting > #admitted and capacity > 0) and 'full' or '',
  due and tostring(due) or false}
