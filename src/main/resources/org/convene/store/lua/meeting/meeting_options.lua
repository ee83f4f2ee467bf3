-- meeting_options: a host changes the meeting's options, with its record in the same step.
-- The options are fields of the meeting's hash: chatMode (open, hosts_only, off; none is open), cohostsCanEnd
-- ('1'/'0'), attendanceView (hosts, admins), callUrl (the address of the meeting's call, checked by the caller; ''
-- none; its record and its webhook say only set or removed: the address is for those inside, not for the trail or
-- other systems, and may hold commas). A co-host may change the chat mode only; the rest is the owner's or an
-- administrator's. The chat mode is copied into every instance not yet ended (and into each new one as it is made),
-- so that a post reads it in the HMGET it already makes of its instance. The meeting's version moves; the active
-- instance's feed and the webhooks are told (options_changed, meeting.options_changed). The lobby (off, outsiders,
-- everyone) is the owner's or an administrator's too; turning it off admits whoever waits in the active instance,
-- in arrival order as far as the seats go (the rest wait on for a host, or until the end closes the lobby).
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 actor kind (root, user), 4 actor id (0 for root), 5 actor role, 6 now (ms),
--      7 request id ('' none), 8.. {option name, value} (only those to change)
-- REPLY: {'OK', version, the active instance told | false} | {'INVALID_MEETING'} | {'FORBIDDEN', why}
local actorKind, actorId, actorRole, now, requestId = ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local mkey = base .. ':meeting'
local m = redis.call('HMGET', mkey, 'id', 'owner', 'cohosts', 'version')
if not m[1] then return {'INVALID_MEETING'} end
local actor = {kind = actorKind, id = actorId, role = actorRole}
local rank = actor_rank(actor, m[2], m[3])
local names, before, after, mode, lobby_off = {}, {}, {}, nil, false
for i = 8, #ARGV, 2 do
  local name, value = ARGV[i], ARGV[i + 1]
  if rank < OWNER and not (name == 'chatMode' and rank >= COHOST) then
    return {'FORBIDDEN', rank >= COHOST and "A co-host may change the chat mode only"
        or "Only the meeting's hosts may change its options"}
  end
  local old = redis.call('HGET', mkey, name) or ''
  if old ~= value then
    names[#names + 1] = name
    local was, now = old, value
    if name == 'callUrl' then was, now = (old == '' and 'none' or 'set'), (value == '' and 'removed' or 'set') end
    before[#before + 1] = name .. '=' .. was
    after[#after + 1] = name .. '=' .. now
    redis.call('HSET', mkey, name, value)
    if name == 'chatMode' then mode = value end
    if name == 'lobby' and value == 'off' then lobby_off = true end
  end
end
if #names == 0 then return {'OK', tonumber(m[4]), false} end
local version = bump_version()
if mode then
  for _, iid in ipairs(redis.call('ZRANGE', base .. ':instances', 0, -1)) do
    if redis.call('HGET', ikey(iid), 'status') ~= 'ended' then redis.call('HSET', ikey(iid), 'chatMode', mode) end
  end
end
local changed = table.concat(after, ',')
local active = tell_meeting(now, 'options_changed', 0, actor_name(actor), 'meeting.options_changed', 'options', changed)
if active and lobby_off then
  lobby_lapse(active, now)
  local capacity = tonumber(redis.call('HGET', mkey, 'capacity') or '0')
  local free = redis.call('ZCARD', ikey(active) .. ':lobby')
  if capacity > 0 then free = math.min(free, math.max(0, capacity - seats_taken(active))) end
  if free > 0 then
    for _, uid in ipairs(redis.call('ZRANGE', ikey(active) .. ':lobby', 0, free - 1)) do
      local _, _, name = lobby_state(active, uid)
      admit_waiter(active, uid, name, now, actor_name(actor))
    end
  end
end
audit(base, now, 'options_changed', actor, 'meeting:' .. m[1], table.concat(before, ','), changed, requestId)
return {'OK', version, active and tonumber(active) or false}
