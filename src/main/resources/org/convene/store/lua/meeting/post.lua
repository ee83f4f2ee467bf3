-- Function 6: a participant posts a chat message. ARGV[3..7] = instance, user, text, now, idempotency key ('' if none).
-- The message number is the stream id (<n>-0), so messages keep posting order even within one millisecond.
-- A key already used by this user in this instance (kept a day) returns the first message instead of a new one.
local iid, uid, text, now, key = ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local idem = ikey(iid) .. ':idem:' .. uid .. ':' .. key
if key ~= '' then
  local first = redis.call('GET', idem)
  if first then
    local entry = redis.call('XRANGE', ikey(iid) .. ':chat', first .. '-0', first .. '-0')[1]
    local f = {}
    for i = 1, #entry[2], 2 do f[entry[2][i]] = entry[2][i + 1] end
    return {'OK', tonumber(first), f['text'], f['at']}
  end
end
local status = settle(iid, now)
if not status then return {'INVALID_INSTANCE'} end
if redis.call('HEXISTS', ikey(iid) .. ':participants', uid) == 0 then return {'NOT_IN_MEETING'} end
if status ~= 'active' then return {'NOT_ACTIVE'} end
local n = redis.call('HINCRBY', ikey(iid), 'messages', 1)
redis.call('XADD', ikey(iid) .. ':chat', n .. '-0', 'user', uid, 'text', text, 'at', now)
redis.call('ZADD', ikey(iid) .. ':chat:user:' .. uid, n, n)
feed(iid, 'chat', uid, n, now)
if key ~= '' then redis.call('SET', idem, n, 'EX', 86400) end
return {'OK', n, text, now}
