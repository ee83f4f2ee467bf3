-- Deletes series ARGV[3] at now = ARGV[4]: its occurrences still to come go with it; those that ran, or
-- are running, stay as instances of their own. {'OK', deleted instance ids} or {'INVALID_SERIES'}.
local sid, now = ARGV[3], ARGV[4]
local key = base .. ':series:' .. sid
if redis.call('EXISTS', key) == 0 then return {'INVALID_SERIES'} end
local deleted = {}
local occurrences = redis.call('HGETALL', key .. ':occurrences')
for i = 1, #occurrences, 2 do
  local iid = occurrences[i + 1]
  local status = settle(iid, now)
  if status == 'scheduled' and delete_instance(iid, now) then deleted[#deleted + 1] = tonumber(iid) end
end
redis.call('DEL', key, key .. ':occurrences', key .. ':cancelled')
redis.call('SREM', base .. ':series', sid)
return {'OK', deleted}
