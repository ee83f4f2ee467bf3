-- Cancels the occurrence of series ARGV[3] whose original start is ARGV[4] (ms) at now = ARGV[5]: made,
-- its instance is deleted (refused once it has started: what ran is never changed); not made yet, it
-- never will be. {'OK', deleted instance id or false} or a refusal.
local sid, rid, now = ARGV[3], ARGV[4], ARGV[5]
local key = base .. ':series:' .. sid
if redis.call('EXISTS', key) == 0 then return {'INVALID_SERIES'} end
local iid = redis.call('HGET', key .. ':occurrences', rid)
if iid then
  local status = settle(iid, now)
  if status == 'ended' then return {'INSTANCE_ENDED', iid} end
  if status ~= 'scheduled' or not delete_instance(iid, now) then return {'INSTANCE_STARTED', iid} end
  return {'OK', tonumber(iid)}
end
redis.call('SADD', key .. ':cancelled', rid)
redis.call('HINCRBY', key, 'sequence', 1)
return {'OK', false}
