-- Function 2: a user leaves an instance they are in. ARGV[3..5] = instance, user, now.
-- {'OK', event number, live row}.
local iid, uid, now = ARGV[3], ARGV[4], ARGV[5]
if not settle(iid, now) then return {'INVALID_INSTANCE'} end
if redis.call('HDEL', ikey(iid) .. ':participants', uid) == 0 then
  if redis.call('SISMEMBER', ikey(iid) .. ':members', uid) == 1 then return {'ALREADY_LEFT'} end
  return {'NOT_JOINED'}
end
redis.call('HDEL', ikey(iid) .. ':emails', uid)
local n = log_event(iid, uid, LEAVE, now)
return {'OK', n, live_row(iid)}
