-- endpoints: every endpoint's hash, by id.
-- KEYS: 1 hooks base
-- ARGV: none
-- REPLY: {'OK', endpoint hash (flat)...}
local ids = redis.call('SMEMBERS', base .. ':endpoints')
table.sort(ids, function(a, b) return tonumber(a) < tonumber(b) end)
local out = {'OK'}
for _, eid in ipairs(ids) do out[#out + 1] = redis.call('HGETALL', ekey(eid)) end
return out
