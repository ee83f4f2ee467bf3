-- lease: a node takes the sealer's lease, or renews the one it holds; one node seals at a time.
-- KEYS: 1 convene:{audit}
-- ARGV: 1 the node's id, 2 how long (ms)
-- REPLY: {'OK', 1 held | 0 another node holds it}
local key = base .. ':sealer'
local holder = redis.call('GET', key)
if holder and holder ~= ARGV[1] then return {'OK', 0} end
redis.call('SET', key, ARGV[1], 'PX', ARGV[2])
return {'OK', 1}
