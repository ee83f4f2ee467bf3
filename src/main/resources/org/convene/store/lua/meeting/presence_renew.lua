-- Renews presence at now = ARGV[3] for pairs of instance, user in ARGV[4..]: a sign of life (a
-- heartbeat, or an open stream). Only who is inside an instance of a meeting with a presence rule
-- is renewed. Returns {'OK', {1 or 0 per pair: whether that user is inside}}.
local now = ARGV[3]
local due = presence_due(now)
local inside = {}
for i = 4, #ARGV, 2 do
  local iid, uid = ARGV[i], ARGV[i + 1]
  local present = redis.call('HEXISTS', ikey(iid) .. ':participants', uid)
  if present == 1 and due then redis.call('ZADD', ikey(iid) .. ':presence', due, uid) end
  inside[#inside + 1] = present
end
return {'OK', inside}
