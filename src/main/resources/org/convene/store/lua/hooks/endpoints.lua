-- Every endpoint's hash, by id. {'OK', hash, hash, ...}.
local ids = redis.call('SMEMBERS', base .. ':endpoints')
table.sort(ids, function(a, b) return tonumber(a) < tonumber(b) end)
local out = {'OK'}
for _, eid in ipairs(ids) do out[#out + 1] = redis.call('HGETALL', ekey(eid)) end
return out
