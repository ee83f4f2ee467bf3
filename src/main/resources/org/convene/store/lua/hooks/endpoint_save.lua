-- endpoint_save: creates or changes an endpoint; enabling one makes its waiting lanes due now.
-- KEYS: 1 hooks base
-- ARGV: 1 endpoint id ('' to create), 2 now (ms), 3.. {field, value} (url, events, description, enabled,
--      secret)
-- REPLY: {'OK', endpoint hash (flat)} | {'NOT_FOUND'}
local eid, now = ARGV[1], ARGV[2]
if eid == '' then
  eid = tostring(redis.call('INCR', base .. ':next:endpoint'))
  redis.call('HSET', ekey(eid), 'id', eid, 'enabled', '1', 'createdAt', now)
  redis.call('SADD', base .. ':endpoints', eid)
elseif redis.call('EXISTS', ekey(eid)) == 0 then
  return {'NOT_FOUND'}
end
local was = enabled(eid)
for i = 3, #ARGV, 2 do redis.call('HSET', ekey(eid), ARGV[i], ARGV[i + 1]) end
redis.call('HSET', ekey(eid), 'updatedAt', now)
if enabled(eid) then
  redis.call('HDEL', ekey(eid), 'disabledReason')
  if not was then
    -- Only parked lanes: one on the work stream or in flight is finished by its worker.
    for _, lane in ipairs(redis.call('SMEMBERS', ekey(eid) .. ':parked')) do
      if redis.call('LLEN', lkey(lane)) > 0 then
        redis.call('ZADD', base .. ':due', 'NX', now, lane)
      else
        redis.call('SREM', ekey(eid) .. ':lanes', lane)
      end
    end
    redis.call('DEL', ekey(eid) .. ':parked')
  end
end
return {'OK', redis.call('HGETALL', ekey(eid))}
