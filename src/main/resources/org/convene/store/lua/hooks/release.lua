-- release: hands the lanes due by now to the workers.
-- Each leaves the due set and goes on the work stream, which the consumer group shares among the nodes.
-- KEYS: 1 hooks base
-- ARGV: 1 now (ms), 2 limit
-- REPLY: {'OK', lanes handed}
local lanes = redis.call('ZRANGEBYSCORE', base .. ':due', '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, lane in ipairs(lanes) do
  redis.call('ZREM', base .. ':due', lane)
  redis.call('XADD', base .. ':work', '*', 'lane', lane)
end
return {'OK', #lanes}
