-- series_delete: deletes a series and its occurrences still to come.
-- Those that ran, or are running, stay as instances of their own.
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 series id, 4 now (ms),
--      5 actor kind (root, user; '' none), 6 actor id, 7 actor role, 8 request id
-- REPLY: {'OK', {deleted instance id, ...}} | {'INVALID_SERIES'}
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
if (ARGV[5] or '') ~= '' then
  audit(base, now, 'series_deleted', {kind = ARGV[5], id = ARGV[6], role = ARGV[7]}, 'series:' .. sid, 'active', 'deleted',
      ARGV[8], 'deleted', #deleted .. ' instances')
end
return {'OK', deleted}
