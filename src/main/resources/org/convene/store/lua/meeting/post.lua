-- post: a participant posts a chat message.
-- The message number is the stream id (<n>-0), so messages keep posting order even within one millisecond.
-- A key already used by this user in this instance (kept a day) returns the first message instead of a new one.
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 user id, 5 text, 6 now (ms), 7 idempotency key ('' none)
-- REPLY: {'OK', message number, text, at (ms)} | {'INVALID_INSTANCE'} | {'NOT_IN_MEETING'} | {'NOT_ACTIVE'}
local iid, uid, text, now, key = ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local idem = ikey(iid) .. ':idem:' .. uid .. ':' .. key
if key ~= '' then
  local first = redis.call('GET', idem)
  if first then
    local f = message(iid, first)
    return {'OK', tonumber(first), f['text'], f['at']}
  end
end
local status = settle(iid, now)
if not status then return {'INVALID_INSTANCE'} end
if redis.call('HEXISTS', ikey(iid) .. ':participants', uid) == 0 then return {'NOT_IN_MEETING'} end
if status ~= 'active' then return {'NOT_ACTIVE'} end
local n = append_message(iid, uid, text, now)
feed(iid, 'chat', uid, n, now)
outbox(iid, 'chat.message_posted', now, 'user', uid, 'n', n, 'text', text)
if key ~= '' then redis.call('SET', idem, n, 'EX', 86400) end
return {'OK', n, text, now}
