-- person_erase: erases an erased user's traces in one meeting.
-- Their chat texts become '[removed]' and their name in attendance, the participant list and any lobby they waited in
-- becomes the one given;
-- durations, counts and message numbers stay.
-- A stream entry cannot be changed in place, so an instance's chat with their messages is written again, every
-- entry under its own id, in this one step (readers see the chat before or after, never half). Idempotent.
-- KEYS: 1 meeting base, 2 events base
-- ARGV: 1 data db, 2 events db, 3 user id, 4 the name they now bear, 5 what their texts become
-- REPLY: {'OK', messages rewritten, {instance id, ...}}
local uid, name, removed = ARGV[3], ARGV[4], ARGV[5]
local messages, instances = 0, {}
for _, iid in ipairs(redis.call('ZRANGE', base .. ':attended:' .. uid, 0, -1)) do
  instances[#instances + 1] = iid
  if redis.call('HEXISTS', ikey(iid) .. ':attendees', uid) == 1 then
    redis.call('HSET', ikey(iid) .. ':attendees', uid, name)
  end
  local inside = redis.call('HGET', ikey(iid) .. ':participants', uid)
  if inside then redis.call('HSET', ikey(iid) .. ':participants', uid, string.match(inside, '^(%d+):') .. ':' .. name) end
  if redis.call('ZCARD', ikey(iid) .. ':chat:user:' .. uid) > 0 then
    local chat = ikey(iid) .. ':chat'
    local all = redis.call('XRANGE', chat, '-', '+')
    local dirty = false
    for _, e in ipairs(all) do
      local f = fields(e[2])
      if f.user == uid and f.text ~= removed then dirty = true end
    end
    if dirty then
      redis.call('DEL', chat)
      for _, e in ipairs(all) do
        local flat = e[2]
        local mine = false
        for i = 1, #flat, 2 do if flat[i] == 'user' and flat[i + 1] == uid then mine = true end end
        if mine then
          for i = 1, #flat, 2 do
            if flat[i] == 'text' and flat[i + 1] ~= removed then
              flat[i + 1] = removed
              messages = messages + 1
            end
          end
        end
        redis.call('XADD', chat, e[1], unpack(flat))
      end
    end
  end
end
-- Where they only waited in a lobby, the name they waited under (the report's waiting rows) goes the same way.
for _, iid in ipairs(redis.call('ZRANGE', base .. ':waited:' .. uid, 0, -1)) do
  local state, since = lobby_state(iid, uid)
  if state then set_lobby_state(iid, uid, state, since, name) end
end
return {'OK', messages, instances}
