-- endpoint_delete: deletes an endpoint with its lanes and its log; its deliveries expire with the retention.
-- The deletion and its audit record are one step.
-- KEYS: 1 hooks base
-- ARGV: 1 endpoint id, 2 now (ms), 3 actor kind (root, user), 4 actor id (0 for root), 5 actor role, 6 request id
--      ('' none)
-- REPLY: {'OK'} | {'NOT_FOUND'}
local eid = ARGV[1]
if redis.call('EXISTS', ekey(eid)) == 0 then return {'NOT_FOUND'} end
local url = shown('url', redis.call('HGET', ekey(eid), 'url'))
for _, lane in ipairs(redis.call('SMEMBERS', ekey(eid) .. ':lanes')) do
  redis.call('ZREM', base .. ':due', lane)
  redis.call('DEL', lkey(lane))
end
redis.call('DEL', ekey(eid), ekey(eid) .. ':lanes', ekey(eid) .. ':log', ekey(eid) .. ':parked')
redis.call('SREM', base .. ':endpoints', eid)
audit(base, ARGV[2], 'endpoint_deleted', {kind = ARGV[3], id = ARGV[4], role = ARGV[5]}, 'endpoint:' .. eid, 'url=' .. url,
    'deleted', ARGV[6])
return {'OK'}
