-- meeting_save: creates the meeting or replaces its details; who is no longer admitted leaves the active instance.
-- Its owner and co-hosts stay: they are admitted by right. Co-hosts and options are kept (cohost.lua and
-- meeting_options.lua change them).
-- They leave it in the same step, with a leave event whose reason is 'removed'. The meeting's version, and
-- who is inside, are part of what the live row shows.
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 meeting id, 4 mode ('create', 'create:<owner's user id>', or the expected
--      version, '' any; the owner is set only by a create), 5 title,
--      6 description, 7 public ('1'/'0'), 8 now (ms), 9 capacity ('0' none), 10 presence lease (s, '0' none),
--      11 presence grace (s), 12 reminder (minutes before each instance, '0' none), 13 actor kind (root, user, system),
--      14 actor id, 15 actor role, 16 request id, 17.. audience e-mails
-- REPLY: {'OK', version, {removed user id, ...}, the active instance's id | false, the owner's user id | false,
--      co-hosts (ids joined by commas), chatMode, cohostsCanEnd, attendanceView, lobby, callUrl ('' for each not set)}
--      | {'INVALID_MEETING'} | {'VERSION_MISMATCH', version}
local mid, mode, title, description, public, now, capacity = ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9]
local lease, grace, reminder = ARGV[10], ARGV[11], ARGV[12]
local mkey, akey = base .. ':meeting', base .. ':audience'
local version = 1
local creating = string.sub(mode, 1, 6) == 'create'
-- What changes, for the audit record: the fields by name, the audience by how many addresses (never the addresses).
local was = redis.call('HMGET', mkey, 'title', 'description', 'public', 'capacity', 'presenceLease', 'presenceGrace',
    'reminder')
local was_audience, was_count = {}, 0
for _, e in ipairs(redis.call('SMEMBERS', akey)) do
  was_audience[e] = true
  was_count = was_count + 1
end
if creating then
  redis.call('HSET', mkey, 'id', mid, 'instanceCount', 0)
  if #mode > 7 then redis.call('HSET', mkey, 'owner', string.sub(mode, 8)) end
else
  local current = redis.call('HGET', mkey, 'version')
  if not current then return {'INVALID_MEETING'} end
  if mode ~= '' and mode ~= current then return {'VERSION_MISMATCH', current} end
  version = tonumber(current) + 1
end
redis.call('HSET', mkey, 'title', title, 'description', description, 'public', public, 'version', version,
    'capacity', capacity, 'presenceLease', lease, 'presenceGrace', grace, 'reminder', reminder)
-- Each instance carries its meeting's version, so that a reader of an instance alone (functions 4
-- and 8) can tell whether the meeting it has cached is current. A meeting changes rarely.
for _, iid in ipairs(redis.call('ZRANGE', base .. ':instances', 0, -1)) do
  redis.call('HSET', ikey(iid), 'meetingVersion', version)
end
redis.call('DEL', akey)
for i = 17, #ARGV, 1000 do
  redis.call('SADD', akey, unpack(ARGV, i, math.min(i + 999, #ARGV)))
end
local changed = {}
local names = {'title', 'description', 'public', 'capacity', 'presenceLease', 'presenceGrace', 'reminder'}
local given = {title, description, public, capacity, lease, grace, reminder}
for i, name in ipairs(names) do
  if creating or was[i] ~= given[i] then changed[#changed + 1] = name end
end
local now_count = redis.call('SCARD', akey)
local same_audience = now_count == was_count
if same_audience then
  for i = 17, #ARGV do if not was_audience[ARGV[i]] then same_audience = false end end
end
if not same_audience then changed[#changed + 1] = 'audience' end
if #changed > 0 then
  audit(base, now, creating and 'meeting_created' or 'meeting_changed', {kind = ARGV[13], id = ARGV[14], role = ARGV[15]},
      'meeting:' .. mid, creating and '' or ('version ' .. (version - 1)), 'version ' .. version, ARGV[16],
      'changed', table.concat(changed, ','), 'title', title, 'audience', was_count .. ' -> ' .. now_count .. ' addresses')
end
local removed = {}
local active = false
if not creating then active = active_instance(now) end
local hosts = redis.call('HMGET', mkey, 'owner', 'cohosts', 'chatMode', 'cohostsCanEnd', 'attendanceView', 'lobby', 'callUrl')
if active and public ~= '1' then
  -- The owner and the co-hosts are inside by right, whatever the audience says; so is whoever a host let in from
  -- the lobby (for this occurrence).
  local inside = redis.call('HGETALL', ikey(active) .. ':emails')
  for i = 1, #inside, 2 do
    local uid, email = inside[i], inside[i + 1]
    if redis.call('SISMEMBER', akey, email) == 0 and uid ~= hosts[1] and not is_cohost(hosts[2], uid)
        and lobby_state(active, uid) ~= 'j' and remove_participant(active, uid, now, 'removed') then
      removed[#removed + 1] = tonumber(uid)
    end
  end
end
-- A presence rule applies at once to whoever is inside (the scheduler learns their due times within
-- its next repair pass, a minute at most); taking the rule away frees them from it.
if active then
  local due = presence_due(now)
  if due then
    for _, uid in ipairs(redis.call('HKEYS', ikey(active) .. ':participants')) do
      redis.call('ZADD', ikey(active) .. ':presence', 'NX', due, uid)
    end
  else
    redis.call('DEL', ikey(active) .. ':presence')
  end
end
return {'OK', version, removed, active and tonumber(active) or false, hosts[1] and tonumber(hosts[1]) or false,
    hosts[2] or '', hosts[3] or '', hosts[4] or '', hosts[5] or '', hosts[6] or '', hosts[7] or ''}
