-- join: a user joins an active instance; refusals in the seed's order, then a full instance.
-- A full instance only when the meeting has a capacity: a seat is taken in the same step as the check.
-- Success records the participant and its join event together.
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 user id, 5 e-mail, 6 name, 7 now (ms)
-- REPLY: {'OK', event number, reap due (ms) | false (no presence rule), 1 on the user's first join of it | 0}
--      | {'INVALID_INSTANCE'} | {'NOT_ACTIVE'} | {'BANNED', user id} | {'NOT_ALLOWED', user id} | {'ALREADY_IN'}
--      | {'INSTANCE_FULL'}
local iid, uid, email, name, now = ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local status = settle(iid, now)
if not status then return {'INVALID_INSTANCE'} end
if status ~= 'active' then return {'NOT_ACTIVE'} end
-- A ban (see ban.lua) is read with the meeting's fields: no command more for a join.
-- So are the owner and the co-hosts, who join whatever the audience says.
local m = redis.call('HMGET', base .. ':meeting', 'public', 'capacity', 'presenceLease', 'presenceGrace', 'ban:' .. uid,
    'owner', 'cohosts')
if m[5] then
  local untilMs = tonumber(string.match(m[5], '^(%d+)'))
  if untilMs == 0 or untilMs > tonumber(now) then return {'BANNED', uid} end
end
if m[1] ~= '1' and uid ~= m[6] and not is_cohost(m[7], uid)
    and redis.call('SISMEMBER', base .. ':audience', email) == 0 then
  return {'NOT_ALLOWED', uid}
end
local pkey = ikey(iid) .. ':participants'
local capacity = tonumber(m[2] or '0')
if capacity > 0 then
  -- A seat is taken in the same step as the check, so concurrent joins never exceed the capacity.
  if redis.call('HEXISTS', pkey, uid) == 1 then return {'ALREADY_IN'} end
  if redis.call('HLEN', pkey) >= capacity then return {'INSTANCE_FULL'} end
  redis.call('HSET', pkey, uid, now .. ':' .. name)
elseif redis.call('HSETNX', pkey, uid, now .. ':' .. name) == 0 then
  return {'ALREADY_IN'}
end
local due = presence_due_with(now, m[3], m[4])
if due then redis.call('ZADD', ikey(iid) .. ':presence', due, uid) end
redis.call('HSET', ikey(iid) .. ':emails', uid, email)
local n, first = log_event(iid, uid, JOIN, now, nil, name)
return {'OK', n, due and tostring(due) or false, first and 1 or 0}
