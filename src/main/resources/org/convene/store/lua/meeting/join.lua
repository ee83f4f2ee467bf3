-- Function 1: a user joins an active instance. ARGV[3..7] = instance, user, e-mail, name, now.
-- Refusals in the seed's order (then a full instance, when the meeting has a capacity); success records the participant and its join event together.
-- {'OK', event number, live row, when the participant is reaped unless renewed (ms; false: no presence rule)}.
local iid, uid, email, name, now = ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local status = settle(iid, now)
if not status then return {'INVALID_INSTANCE'} end
if status ~= 'active' then return {'NOT_ACTIVE'} end
if redis.call('HGET', base .. ':meeting', 'public') ~= '1'
    and redis.call('SISMEMBER', base .. ':audience', email) == 0 then
  return {'NOT_ALLOWED', uid}
end
local pkey = ikey(iid) .. ':participants'
if redis.call('HEXISTS', pkey, uid) == 1 then return {'ALREADY_IN'} end
-- A seat is taken in the same step as the check, so concurrent joins never exceed the capacity.
local capacity = tonumber(redis.call('HGET', base .. ':meeting', 'capacity') or '0')
if capacity > 0 and redis.call('HLEN', pkey) >= capacity then return {'INSTANCE_FULL'} end
redis.call('HSET', pkey, uid, now .. ':' .. name)
redis.call('HSETNX', ikey(iid) .. ':attendees', uid, name)
local due = presence_due(now)
if due then redis.call('ZADD', ikey(iid) .. ':presence', due, uid) end
redis.call('SADD', ikey(iid) .. ':members', uid)
redis.call('HSET', ikey(iid) .. ':emails', uid, email)
local n = log_event(iid, uid, JOIN, now)
return {'OK', n, live_row(iid), due and tostring(due) or false}
