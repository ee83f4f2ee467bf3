-- release: hands the lanes due by now to the workers, no more of an endpoint than the asking node allows.
-- The node limits the endpoints that struggle (slow or failing) to a lane or so in flight: their other lanes
-- wait in the due set instead of holding every worker, each put back by the delay given, so that they never
-- crowd the front of the due set and hide the lanes behind them. Each lane handed leaves the due set and goes on the work
-- stream, which the consumer group shares among the nodes. At most ten times `limit` due lanes are looked at.
-- KEYS: 1 hooks base
-- ARGV: 1 now (ms), 2 limit, 3 delay for a held-back lane (ms), 4.. limits ('<endpoint id>=<lanes it may be handed>')
-- REPLY: {'OK', lanes handed}
local now, limit, delay = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local allowed = {}
for i = 4, #ARGV do
  local eid, n = string.match(ARGV[i], '^(%d+)=(%d+)$')
  allowed[eid] = tonumber(n)
end
local handed = 0
local lanes = redis.call('ZRANGEBYSCORE', base .. ':due', '-inf', now, 'LIMIT', 0, limit * 10)
for _, lane in ipairs(lanes) do
  if handed >= limit then break end
  local eid = string.match(lane, '^(%d+):')
  if allowed[eid] == 0 then
    redis.call('ZADD', base .. ':due', now + delay, lane)
  else
    if allowed[eid] then allowed[eid] = allowed[eid] - 1 end
    redis.call('ZREM', base .. ':due', lane)
    redis.call('XADD', base .. ':work', '*', 'lane', lane)
    handed = handed + 1
  end
end
return {'OK', handed}
