-- endpoint_save: creates or changes an endpoint, with its audit record; enabling one makes its waiting lanes due now.
-- The record names the fields that changed with their values before and after, the secret only as 'secret'.
-- KEYS: 1 hooks base
-- ARGV: 1 endpoint id ('' to create), 2 now (ms), 3 actor kind (root, user), 4 actor id (0 for root), 5 actor role,
--      6 request id ('' none), 7.. {field, value} (url, events, description, enabled, secret)
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
local created = redis.call('HEXISTS', ekey(eid), 'url') == 0
local changed, before, after = {}, {}, {}
for i = 7, #ARGV, 2 do
  local old = redis.call('HGET', ekey(eid), ARGV[i])
  if old ~= ARGV[i + 1] then
    changed[#changed + 1] = ARGV[i]
    if ARGV[i] ~= 'secret' then
      before[#before + 1] = ARGV[i] .. '=' .. shown(ARGV[i], old)
      after[#after + 1] = ARGV[i] .. '=' .. shown(ARGV[i], ARGV[i + 1])
    end
  end
  redis.call('HSET', ekey(eid), ARGV[i], ARGV[i + 1])
end
if #changed > 0 then
  audit(base, now, created and 'endpoint_created' or 'endpoint_changed', {kind = ARGV[3], id = ARGV[4], role = ARGV[5]},
      'endpoint:' .. eid, created and '' or table.concat(before, '; '), table.concat(after, '; '), ARGV[6],
      'changed', table.concat(changed, ','))
end
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
