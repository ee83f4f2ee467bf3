-- instances: the instances of this meeting in start order, each as its hash.
-- KEYS: 1 meeting base, 2 events base
-- ARGV: 1 data db, 2 events db
-- REPLY: {'OK', {instance hash (flat), ...}} | {'INVALID_MEETING'}
if redis.call('EXISTS', base .. ':meeting') == 0 then return {'INVALID_MEETING'} end
local result = {}
for _, iid in ipairs(redis.call('ZRANGE', base .. ':instances', 0, -1)) do
  result[#result + 1] = redis.call('HGETALL', ikey(iid))
end
return {'OK', result}
