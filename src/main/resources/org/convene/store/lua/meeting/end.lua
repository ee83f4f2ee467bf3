-- Function 5: an administrator ends an active instance now; every participant times out.
-- ARGV[3..4] = instance, now. If the window has already passed, settle ends it at its `to`
-- instead and this call is refused as not active: the timeouts are written once either way.
local iid, now = ARGV[3], ARGV[4]
local status = settle(iid, now)
if not status then return {'INVALID_INSTANCE'} end
if status ~= 'active' then return {'NOT_ACTIVE'} end
return {'OK', end_instance(iid, now)}
