-- Function 1: a user joins an active instance. ARGV[3..7] = instance, user, e-mail, name, now.
-- Refusals in the seed's order; success records the participant and its join event together.
-- {'OK', event number, live row}.
local iid, uid, email, name, now = ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local status = settle(iid, now)
if not status then return {'INVALID_INSTANCE'} end
if status ~= 'active' then return {'NOT_ACTIVE'} end
if redis.call('HGET', base .. ':meeting', 'public') ~= '1'
    and redis.call('SISMEMBER', base .. ':audience', email) == 0 then
  return {'NOT_ALLOWED', uid}
end
local pkey = ikey(iid) .. ':participants'
if redis.call('HSETNX', pkey, uid, now .. ':' .. name) == 0 then return {'ALREADY_IN'} end
redis.call('SADD', ikey(iid) .. ':members', uid)
redis.call('HSET', ikey(iid) .. ':emails', uid, email)
local n = log_event(iid, uid, JOIN, now)
return {'OK', n, live_row(iid)}
