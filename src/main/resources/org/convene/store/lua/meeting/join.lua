-- join: a user joins an active instance; refusals in the seed's order, then the lobby, then a full instance.
-- A full instance only when the meeting has a capacity: a seat is taken in the same step as the check, and seats
-- kept for people a host admitted from the lobby count as taken.
-- The lobby (meeting field `lobby`): with `everyone`, all but the hosts wait; with `outsiders`, those outside a
-- private meeting's audience wait instead of being refused. Whoever must wait is put in the lobby (or renews their
-- wait) and answered WAITING; someone admitted joins on the seat kept for them; someone who joined through the lobby
-- comes back to this occurrence without waiting again. Hosts (owner, co-hosts, administrators) never wait.
-- A guest (a guest link's identity) joins only the instance of their link, while the link is not revoked; they wait
-- whenever the lobby is not off, and whoever comes in through the lobby (guests always) sees inside from then on.
-- Success records the participant and its join event together.
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 user id, 5 e-mail, 6 name, 7 now (ms),
--      8 the user's global role (admin, organizer, member, guest; '' taken as member), 9 a guest's instance ('' none),
--      10 a guest's link ('' none)
-- REPLY: {'OK', event number, reap due (ms) | false (no presence rule), 1 on the user's first join of it | 0}
--      | {'WAITING', position, wait lapses (ms)}
--      | {'INVALID_INSTANCE'} | {'NOT_ACTIVE'} | {'BANNED', user id} | {'NOT_ALLOWED', user id} | {'ALREADY_IN'}
--      | {'INSTANCE_FULL'} | {'LOBBY_DENIED', user id} | {'INVALID_GUEST_LINK'}
local iid, uid, email, name, now, role, guestOf, guestLink = ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8],
    ARGV[9] or '', ARGV[10] or ''
local guest = role == 'guest'
if guest and guestOf ~= iid then return {'NOT_ALLOWED', uid} end
local status = settle(iid, now)
if not status then return {'INVALID_INSTANCE'} end
if status ~= 'active' then return {'NOT_ACTIVE'} end
if guest then
  local link = redis.call('HGET', ikey(iid) .. ':guest-links', guestLink)
  if not link or string.sub(link, -1) ~= '|' then return {'INVALID_GUEST_LINK'} end
end
-- A ban (see ban.lua) is read with the meeting's fields: no command more for a join.
-- So are the owner and the co-hosts, who join whatever the audience says, and the lobby's policy.
local m = redis.call('HMGET', base .. ':meeting', 'public', 'capacity', 'presenceLease', 'presenceGrace', 'ban:' .. uid,
    'owner', 'cohosts', 'lobby')
if m[5] then
  local untilMs = tonumber(string.match(m[5], '^(%d+)'))
  if untilMs == 0 or untilMs > tonumber(now) then return {'BANNED', uid} end
end
local host = role == 'admin' or uid == m[6] or is_cohost(m[7], uid)
local outsider = not guest and m[1] ~= '1' and not host and redis.call('SISMEMBER', base .. ':audience', email) == 0
local policy = m[8] or 'off'
local pkey = ikey(iid) .. ':participants'
local admitted = false
local must_wait = not host and (policy == 'everyone' or (policy == 'outsiders' and (outsider or guest)))
if must_wait or outsider then
  -- Someone a host admitted comes in on the seat kept for them, whatever the policy became meanwhile; someone who
  -- came in through the lobby comes back to this occurrence without waiting again.
  local state = lobby_state(iid, uid)
  if state == 'a' then
    if tonumber(redis.call('ZSCORE', ikey(iid) .. ':admitted', uid)) <= tonumber(now) then
      lobby_leave(iid, uid, now, 'unused')
      state = 'g'
    else
      admitted = true
    end
  end
  if not admitted and state ~= 'j' then
    if not must_wait then return {'NOT_ALLOWED', uid} end
    if redis.call('HEXISTS', pkey, uid) == 1 then return {'ALREADY_IN'} end
    return wait_in_lobby(iid, uid, name, now, state)
  end
end
local capacity = tonumber(m[2] or '0')
if admitted then
  -- The seat kept for them becomes theirs.
  if redis.call('HSETNX', pkey, uid, now .. ':' .. name) == 0 then return {'ALREADY_IN'} end
  redis.call('ZREM', ikey(iid) .. ':admitted', uid)
  set_lobby_state(iid, uid, 'j', now, name)
elseif capacity > 0 then
  -- A seat is taken in the same step as the check, so concurrent joins never exceed the capacity.
  if redis.call('HEXISTS', pkey, uid) == 1 then return {'ALREADY_IN'} end
  local kept = redis.call('ZCARD', ikey(iid) .. ':admitted')
  if kept > 0 then
    lobby_lapse(iid, now)
    kept = redis.call('ZCARD', ikey(iid) .. ':admitted')
  end
  if redis.call('HLEN', pkey) + kept >= capacity then return {'INSTANCE_FULL'} end
  redis.call('HSET', pkey, uid, now .. ':' .. name)
elseif redis.call('HSETNX', pkey, uid, now .. ':' .. name) == 0 then
  return {'ALREADY_IN'}
end
local due = presence_due_with(now, m[3], m[4])
if due then redis.call('ZADD', ikey(iid) .. ':presence', due, uid) end
redis.call('HSET', ikey(iid) .. ':emails', uid, email)
if guest then
  -- Marked in attendance; and seeing inside from now on, as whoever came in through the lobby does.
  redis.call('SADD', ikey(iid) .. ':guests', uid)
  if not admitted then set_lobby_state(iid, uid, 'j', now, name) end
end
local n, first = log_event(iid, uid, JOIN, now, nil, name)
return {'OK', n, due and tostring(due) or false, first and 1 or 0}
