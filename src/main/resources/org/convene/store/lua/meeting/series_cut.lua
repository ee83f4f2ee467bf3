-- series_cut: cuts a series short with a new rule, and deletes its occurrences from the cut on not started yet.
-- The new rule ends before the occurrence that starts at the cut.
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 series id, 4 rule (RRULE), 5 now (ms), 6 cut (original start, ms),
--      7 actor kind (root, user; '' none), 8 actor id, 9 actor role, 10 request id
-- REPLY: {'OK', {deleted instance id, ...}} | {'INVALID_SERIES'}
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
local before = redis.call('HGET', key, 'rrule')
redis.call('HSET', key, 'rrule', rule)
redis.call('HINCRBY', key, 'sequence', 1)
if (ARGV[7] or '') ~= '' then
  audit(base, now, 'series_cut', {kind = ARGV[7], id = ARGV[8], role = ARGV[9]}, 'series:' .. sid, before, rule, ARGV[10],
      'from', ARGV[6], 'deleted', #deleted .. ' instances')
end
return {'OK', deleted}
