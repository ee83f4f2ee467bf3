-- import_message: adds a chat message from another system's history, with its original time, to an ended instance.
-- Posting order is import order. The settle first applies what the clock makes due (so it may write the
-- outbox, when it ends the instance).
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 user id, 5 text, 6 at (ms), 7 now (ms)
-- REPLY: {'OK', message number} | {'INVALID_INSTANCE'} | {'INVALID_INPUT', message}
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
