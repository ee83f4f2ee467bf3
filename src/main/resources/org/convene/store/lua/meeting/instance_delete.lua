-- instance_delete: deletes an instance, unless it is active or has events or chat.
-- The deletion by hand and its audit record are one step.
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 now (ms), 5 actor kind (root, user), 6 actor id, 7 actor role,
--      8 request id
-- REPLY: {'OK'} | {'INVALID_INSTANCE'} | {'INSTANCE_IN_USE', instance id}
local iid, now = ARGV[3], ARGV[4]
local status = settle(iid, now)
if not status then return {'INVALID_INSTANCE'} end
local window = redis.call('HGET', ikey(iid), 'from') .. '..' .. redis.call('HGET', ikey(iid), 'to')
if not delete_instance(iid, now) then return {'INSTANCE_IN_USE', iid} end
audit(base, now, 'instance_deleted', {kind = ARGV[5], id = ARGV[6], role = ARGV[7]}, 'instance:' .. iid, window, 'deleted',
    ARGV[8], 'instance', iid)
return {'OK'}
