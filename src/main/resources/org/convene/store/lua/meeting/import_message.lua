-- Adds a chat message from another system's history, with its original time, to an instance
-- that has ended. ARGV[3..7] = instance, user, text, at, now. Posting order is import order.
local iid, uid, text, at, now = ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local status = settle(iid, now)
if not status then return {'INVALID_INSTANCE'} end
if status ~= 'ended' then return {'INVALID_INPUT', 'history can only be imported into an instance that has ended'} end
local h = redis.call('HMGET', ikey(iid), 'from', 'to')
if tonumber(at) < tonumber(h[1]) or tonumber(at) >= tonumber(h[2]) then
  return {'INVALID_INPUT', 'at must lie within the instance window'}
end
local n = append_message(iid, uid, text, at)
return {'OK', n}
