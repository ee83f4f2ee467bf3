-- Deletes instance ARGV[3] at now = ARGV[4], unless it is active or has events or chat.
local iid, now = ARGV[3], ARGV[4]
local status = settle(iid, now)
if not status then return {'INVALID_INSTANCE'} end
local h = redis.call('HMGET', ikey(iid), 'events', 'messages')
if status == 'active' or tonumber(h[1]) > 0 or tonumber(h[2]) > 0 then return {'INSTANCE_IN_USE', iid} end
outbox(iid, 'instance.deleted', now)
redis.call('DEL', ikey(iid), ikey(iid) .. ':participants', ikey(iid) .. ':members', ikey(iid) .. ':chat',
    ikey(iid) .. ':feed')
redis.call('ZREM', base .. ':instances', iid)
return {'OK'}
