-- settle: the scheduler's transition: applies whatever is due for an instance now.
-- Its activation or end, and the reaping of participants whose presence ran out.
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 now (ms)
-- REPLY: {'OK', status, transition ('activated', 'ended' or ''), {timed-out user id, ...}, from (ms), to (ms),
--      {reaped user id, ...}, next reap due (ms) | false, first reaped's due (ms) | false}
--      | {'INVALID_INSTANCE'}
local iid, now = ARGV[3], ARGV[4]
local status, transition, uids = settle(iid, now)
if not status then return {'INVALID_INSTANCE'} end
local reaped, next_reap, first_due = {}, false, false
if status == 'active' then reaped, next_reap, first_due = reap(iid, now) end
local h = redis.call('HMGET', ikey(iid), 'from', 'to')
return {'OK', status, transition or '', uids, h[1], h[2], reaped, next_reap, first_due}
