-- lobby_place: a waiter's own place in an occurrence's lobby, renewing their wait.
-- Polling keeps a wait alive, as an open stream does; with `leave`, they give up instead (lobby_left, reason 'left'; an admission not used yet
-- frees its seat).
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 user id, 5 now (ms), 6 'renew' | 'leave'
-- REPLY: {'OK', state (waiting, admitted, joined, denied, gone, closed, none), position (0 unless waiting),
--      since (ms) | false, until (ms: the wait lapses, or the seat frees) | false} | {'INVALID_INSTANCE'}
--      | {'NOT_WAITING', user id} (leave only)
local iid, uid, now, verb = ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local status = settle(iid, now)
if not status then return {'INVALID_INSTANCE'} end
if status == 'active' then lobby_lapse(iid, now) end
if verb == 'leave' then
  if status ~= 'active' or not lobby_leave(iid, uid, now, 'left') then return {'NOT_WAITING', uid} end
end
local NAMES = {w = 'waiting', a = 'admitted', j = 'joined', d = 'denied', g = 'gone', c = 'closed'}
local state, since = lobby_state(iid, uid)
if not state then return {'OK', 'none', 0, false, false} end
local position, untilMs = 0, false
if state == 'w' then
  untilMs = tostring(tonumber(now) + LOBBY_LEASE_MS)
  redis.call('ZADD', ikey(iid) .. ':lobby:lease', untilMs, uid)
  position = redis.call('ZRANK', ikey(iid) .. ':lobby', uid) + 1
elseif state == 'a' then
  untilMs = redis.call('ZSCORE', ikey(iid) .. ':admitted', uid)
end
return {'OK', NAMES[state], position, since, untilMs}
