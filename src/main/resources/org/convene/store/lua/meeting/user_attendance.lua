-- user_attendance: one user's attendance in every instance of this meeting they attended, newest join first.
-- Reads only what the user's own index names (see attend in _lib.lua).
-- KEYS: 1 meeting base, 2 events base
-- ARGV: 1 data db, 2 events db, 3 user id
-- REPLY: {'OK', {{instance id, instance hash (flat), segments, name}, ...}}
local uid = ARGV[3]
local out = {}
for _, iid in ipairs(redis.call('ZREVRANGE', base .. ':attended:' .. uid, 0, -1)) do
  local segments = redis.call('HGET', ikey(iid) .. ':attendance', uid)
  if segments then
    out[#out + 1] = {iid, redis.call('HGETALL', ikey(iid)), segments,
      redis.call('HGET', ikey(iid) .. ':attendees', uid) or ''}
  end
end
return {'OK', out}
