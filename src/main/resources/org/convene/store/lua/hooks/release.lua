-- Hands the lanes due at now = ARGV[1] (at most ARGV[2]) to the workers: each leaves the due set
-- and goes on the work stream, which the consumer group shares among the nodes. {'OK', lanes handed}.
local lanes = redis.call('ZRANGEBYSCORE', base .. ':due', '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, lane in ipairs(lanes) do
  redis.call('ZREM', base .. ':due', lane)
  redis.call('XADD', base .. ':work', '*', 'lane', lane)
end
return {'OK', #lanes}
