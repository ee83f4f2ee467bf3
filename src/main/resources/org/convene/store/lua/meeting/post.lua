-- Function 6: a participant posts a chat message. ARGV[3..6] = instance, user, text, now.
-- The message number is the stream id (<n>-0), so messages keep posting order even within one millisecond.
local iid, uid, text, now = ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local status = settle(iid, now)
if not status then return {'INVALID_INSTANCE'} end
if redis.call('HEXISTS', ikey(iid) .. ':participants', uid) == 0 then return {'NOT_IN_MEETING'} end
if status ~= 'active' then return {'NOT_ACTIVE'} end
local n = redis.call('HINCRBY', ikey(iid), 'messages', 1)
redis.call('XADD', ikey(iid) .. ':chat', n .. '-0', 'user', uid, 'text', text, 'at', now)
redis.call('ZADD', ikey(iid) .. ':chat:user:' .. uid, n, n)
return {'OK', n}
