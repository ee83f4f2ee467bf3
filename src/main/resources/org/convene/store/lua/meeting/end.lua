-- end: an administrator ends an active instance now, and every participant times out.
-- If the window has already passed, settle ends it at its `to` instead and this call is refused as not
-- active: the timeouts are written once either way.
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 now (ms)
-- REPLY: {'OK', {timed-out user id, ...}} | {'INVALID_INSTANCE'} | {'NOT_ACTIVE'}
local iid, now = ARGV[3], ARGV[4]
local status = settle(iid, now)
if not status then return {'INVALID_INSTANCE'} end
if status ~= 'active' then return {'NOT_ACTIVE'} end
local uids = end_instance(iid, now, 'administrator')
return {'OK', uids}
