-- Function 5: an administrator ends an active instance now; every participant times out.
-- ARGV[3..4] = instance, now. If the window has already passed, settle ends it at its `to`
-- instead and this call is refused as not active: the timeouts are written once either way.
-- {'OK', timed-out user ids, live row}.
local iid, now = ARGV[3], ARGV[4]
local status = settle(iid, now)
if not status then return {'INVALID_INSTANCE'} end
if status ~= 'active' then return {'NOT_ACTIVE'} end
local uids = end_instance(iid, now, 'administrator')
return {'OK', uids, live_row(iid)}
