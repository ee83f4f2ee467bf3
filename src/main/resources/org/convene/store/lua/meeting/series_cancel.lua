-- series_cancel: cancels one occurrence of a series: made, its instance is deleted; not made yet, it never will be.
-- Refused once the instance has started: what ran is never changed.
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 series id, 4 recurrence id (original start, ms), 5 now (ms),
--      6 actor kind (root, user; '' none), 7 actor id, 8 actor role, 9 request id
-- REPLY: {'OK', deleted instance id | false} | {'INVALID_SERIES'} | {'INSTANCE_ENDED', instance id}
--      | {'INSTANCE_STARTED', instance id}
local sid, rid, now = ARGV[3], ARGV[4], ARGV[5]
local key = base .. ':series:' .. sid
if redis.call('EXISTS', key) == 0 then return {'INVALID_SERIES'} end
local function recorded(iid)
  if (ARGV[6] or '') ~= '' then
    audit(base, now, 'occurrence_cancelled', {kind = ARGV[6], id = ARGV[7], role = ARGV[8]}, 'series:' .. sid, 'occurrence ' .. rid,
        'cancelled', ARGV[9], 'recurrenceId', rid, 'instance', iid or '')
  end
end
local iid = redis.call('HGET', key .. ':occurrences', rid)
if iid then
  local status = settle(iid, now)
  if status == 'ended' then return {'INSTANCE_ENDED', iid} end
  if status ~= 'scheduled' or not delete_instance(iid, now) then return {'INSTANCE_STARTED', iid} end
  recorded(iid)
  return {'OK', tonumber(iid)}
end
redis.call('SADD', key .. ':cancelled', rid)
redis.call('HINCRBY', key, 'sequence', 1)
recorded(nil)
return {'OK', false}
