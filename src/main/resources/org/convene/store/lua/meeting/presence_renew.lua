-- presence_renew: renews the presence of users inside instances of this meeting: a sign of life.
-- A heartbeat, or an open stream. Only who is inside an instance of a meeting with a presence rule is renewed; and
-- someone waiting in an instance's lobby, whose wait an open stream keeps alive.
-- KEYS: 1 meeting base, 2 events base
-- ARGV: 1 data db, 2 events db, 3 now (ms), 4.. {instance id, user id}
-- REPLY: {'OK', {inside (1 | 0), ...}} (one a pair)
local now = ARGV[3]
local due = presence_due(now)
local inside = {}
for i = 4, #ARGV, 2 do
  local iid, uid = ARGV[i], ARGV[i + 1]
  local present = redis.call('HEXISTS', ikey(iid) .. ':participants', uid)
  if present == 1 and due then redis.call('ZADD', ikey(iid) .. ':presence', due, uid) end
  if present == 0 then
    -- XX: only a wait that has not lapsed is renewed.
    redis.call('ZADD', ikey(iid) .. ':lobby:lease', 'XX', tonumber(now) + LOBBY_LEASE_MS, uid)
  end
  inside[#inside + 1] = present
end
return {'OK', inside}
