-- The instances of this meeting in start order, each as its hash; {'OK', list} or {'INVALID_MEETING'}.
if redis.call('EXISTS', base .. ':meeting') == 0 then return {'INVALID_MEETING'} end
local result = {}
for _, iid in ipairs(redis.call('ZRANGE', base .. ':instances', 0, -1)) do
  result[#result + 1] = redis.call('HGETALL', ikey(iid))
end
return {'OK', result}
