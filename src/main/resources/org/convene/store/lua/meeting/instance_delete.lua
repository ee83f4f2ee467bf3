-- Deletes instance ARGV[3] at now = ARGV[4], unless it is active or has events or chat.
local iid, now = ARGV[3], ARGV[4]
local status = settle(iid, now)
if not status then return {'INVALID_INSTANCE'} end
if not delete_instance(iid, now) then return {'INSTANCE_IN_USE', iid} end
return {'OK'}
