-- join: a user joins an active instance (function 1); refusals in the seed's order, then a full instance.
-- A full instance only when the meeting has a capacity: a seat is taken in the same step as the check.
-- Success records the participant and its join event together.
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 user id, 5 e-mail, 6 name, 7 now (ms)
-- REPLY: {'OK', event number, live row, reap due (ms) | false (no presence rule)}
--      | {'INVALID_INSTANCE'} | {'NOT_ACTIVE'} | {'NOT_ALLOWED', user id} | {'ALREADY_IN'} | {'INSTANCE_FULL'}
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
