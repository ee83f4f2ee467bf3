-- Series ARGV[3] ('' for every series of the meeting), each with its occurrences:
-- {'OK', {series hash, {recurrence id, instance id, ...}}, ...}; {'INVALID_SERIES'} for one that does not exist.
local wanted = ARGV[3]
local ids = wanted == '' and redis.call('SMEMBERS', base .. ':series') or {wanted}
table.sort(ids, function(a, b) return tonumber(a) < tonumber(b) end)
local out = {'OK'}
for _, sid in ipairs(ids) do
  local h = redis.call('HGETALL', base .. ':series:' .. sid)
  if #h == 0 then
    if wanted ~= '' then return {'INVALID_SERIES'} end
  else
    out[#out + 1] = {h, redis.call('HGETALL', base .. ':series:' .. sid .. ':occurrences'),
      redis.call('SMEMBERS', base .. ':series:' .. sid .. ':cancelled')}
  end
end
return out
