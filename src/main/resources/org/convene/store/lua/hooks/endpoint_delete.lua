-- endpoint_delete: deletes an endpoint with its lanes and its log; its deliveries expire with the retention.
-- KEYS: 1 hooks base
-- ARGV: 1 endpoint id
-- REPLY: {'OK'} | {'NOT_FOUND'}
local eid = ARGV[1]
if redis.call('EXISTS', ekey(eid)) == 0 then return {'NOT_FOUND'} end
for _, lane in ipairs(redis.call('SMEMBERS', ekey(eid) .. ':lanes')) do
  redis.call('ZREM', base .. ':due', lane)
  redis.call('DEL', lkey(lane))
end
redis.call('DEL', ekey(eid), ekey(eid) .. ':lanes', ekey(eid) .. ':log', ekey(eid) .. ':parked')
redis.call('SREM', base .. ':endpoints', eid)
return {'OK'}
