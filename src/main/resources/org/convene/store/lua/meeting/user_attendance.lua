-- The attendance of user ARGV[3] in every instance of this meeting they attended, newest first
-- join first: {'OK', {{instance id, instance hash (flat), segments, name}, ...}}. Reads only what
-- the user's own index names (see attend in _lib.lua).
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
