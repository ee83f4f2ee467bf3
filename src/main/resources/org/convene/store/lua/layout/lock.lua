-- lock: takes, renews or lets go of the right to run the migration steps, one node at a time.
-- KEYS: 1 layout base
-- ARGV: 1 mode ('take', 'renew', 'release'), 2 this node's token, 3 lease (ms)
-- REPLY: {'OK', 1 when this node holds the lock now (or let it go) | 0 when another does, the holder's token | false}
local mode, token, lease = ARGV[1], ARGV[2], ARGV[3]
local key = base .. ':lock'
local holder = redis.call('GET', key)
if mode == 'take' then
  if not holder then
    redis.call('SET', key, token, 'PX', lease)
    return {'OK', 1, token}
  end
  return {'OK', holder == token and 1 or 0, holder}
end
if holder ~= token then return {'OK', 0, holder or false} end
if mode == 'renew' then
  redis.call('PEXPIRE', key, lease)
else
  redis.call('DEL', key)
end
return {'OK', 1, token}
