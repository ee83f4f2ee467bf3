-- leave: a user leaves an instance they are in.
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 user id, 5 now (ms)
-- REPLY: {'OK', event number} | {'INVALID_INSTANCE'} | {'ALREADY_LEFT'} | {'NOT_JOINED'}
local iid, uid, now = ARGV[3], ARGV[4], ARGV[5]
if not settle(iid, now) then return {'INVALID_INSTANCE'} end
if redis.call('HDEL', ikey(iid) .. ':participants', uid) == 0 then
  -- Whoever ever joined is an attendee (and, in data of before the attendance report, a member).
  if redis.call('HEXISTS', ikey(iid) .. ':attendees', uid) == 1
      or redis.call('SISMEMBER', ikey(iid) .. ':members', uid) == 1 then return {'ALREADY_LEFT'} end
  return {'NOT_JOINED'}
end
redis.call('HDEL', ikey(iid) .. ':emails', uid)
local n = log_event(iid, uid, LEAVE, now)
return {'OK', n}
