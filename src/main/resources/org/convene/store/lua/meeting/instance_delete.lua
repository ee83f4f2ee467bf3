-- instance_delete: deletes an instance, unless it is active or has events or chat.
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 now (ms)
-- REPLY: {'OK'} | {'INVALID_INSTANCE'} | {'INSTANCE_IN_USE', instance id}
local iid, now = ARGV[3], ARGV[4]
local status = settle(iid, now)
if not status then return {'INVALID_INSTANCE'} end
if not delete_instance(iid, now) then return {'INSTANCE_IN_USE', iid} end
return {'OK'}
