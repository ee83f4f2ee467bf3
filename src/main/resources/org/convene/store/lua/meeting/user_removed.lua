-- User ARGV[3] was deleted at now = ARGV[4]: if they are inside this meeting's active instance, they
-- leave it with a leave event whose reason is 'removed'. Idempotent: {'OK', instance id or 0, live row or false}.
local uid, now = ARGV[3], ARGV[4]
local iid = active_instance(now)
if iid and remove_participant(iid, uid, now, 'removed') then return {'OK', tonumber(iid), live_row(iid)} end
return {'OK', 0, false}
