-- Cuts series ARGV[3] short at now = ARGV[5]: its rule becomes ARGV[4] (ending before the occurrence
-- that starts ARGV[6], ms), and its made occurrences from that one on, not started, are deleted.
-- {'OK', deleted instance ids} or {'INVALID_SERIES'}.
local sid, rule, now, cut = ARGV[3], ARGV[4], ARGV[5], tonumber(ARGV[6])
local key = base .. ':series:' .. sid
if redis.call('EXISTS', key) == 0 then return {'INVALID_SERIES'} end
local deleted = {}
local occurrences = redis.call('HGETALL', key .. ':occurrences')
for i = 1, #occurrences, 2 do
  if tonumber(occurrences[i]) >= cut then
    local iid = occurrences[i + 1]
    if settle(iid, now) == 'scheduled' and delete_instance(iid, now, true) then deleted[#deleted + 1] = tonumber(iid) end
  end
end
redis.call('HSET', key, 'rrule', rule)
redis.call('HINCRBY', key, 'sequence', 1)
return {'OK', deleted}
