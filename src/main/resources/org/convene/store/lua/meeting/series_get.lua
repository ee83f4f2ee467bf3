-- series_get: one series of the meeting, or every one, each with its occurrences and cancellations.
-- KEYS: 1 meeting base, 2 events base
-- ARGV: 1 data db, 2 events db, 3 series id ('' every series of the meeting)
-- REPLY: {'OK', {series hash (flat), {recurrence id, instance id, ...}, {cancelled recurrence id, ...}}...}
--      | {'INVALID_SERIES'}
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
