-- The scheduler's transition: applies whatever is due for instance ARGV[3] at now = ARGV[4]: its
-- activation or end, and the reaping of participants whose presence ran out.
-- Returns {'OK', status, transition ('' if none), timed-out users, from, to, live row, reaped users,
-- next due reap (ms, false if none), when the first reaped was due (ms, false if none)} or {'INVALID_INSTANCE'}.
local iid, now = ARGV[3], ARGV[4]
local status, transition, uids = settle(iid, now)
if not status then return {'INVALID_INSTANCE'} end
local reaped, next_reap, first_due = {}, false, false
if status == 'active' then reaped, next_reap, first_due = reap(iid, now) end
local h = redis.call('HMGET', ikey(iid), 'from', 'to')
return {'OK', status, transition or '', uids, h[1], h[2], live_row(iid), reaped, next_reap, first_due}
