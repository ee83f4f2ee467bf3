-- meeting_delete: deletes the meeting with its series, if it has no instances left.
-- Their history must not dangle. Its series then have no occurrences; the catalog's top-up hint for them is
-- dropped when next due.
-- Its audit trail stays (kept until its retention ends) with the deletion's record, written in this step.
-- KEYS: 1 meeting base, 2 events base
-- ARGV: 1 data db, 2 events db, 3 meeting id (for the refusal), 4 now (ms), 5 actor kind (root, user), 6 actor id,
--      7 actor role, 8 request id
-- REPLY: {'OK'} | {'INVALID_MEETING'} | {'MEETING_HAS_INSTANCES', meeting id}
if redis.call('EXISTS', base .. ':meeting') == 0 then return {'INVALID_MEETING'} end
if redis.call('ZCARD', base .. ':instances') > 0 then return {'MEETING_HAS_INSTANCES', ARGV[3]} end
for _, sid in ipairs(redis.call('SMEMBERS', base .. ':series')) do
  redis.call('DEL', base .. ':series:' .. sid, base .. ':series:' .. sid .. ':occurrences',
      base .. ':series:' .. sid .. ':cancelled')
end
local title = redis.call('HGET', base .. ':meeting', 'title') or ''
redis.call('DEL', base .. ':meeting', base .. ':audience', base .. ':instances', base .. ':series')
audit(base, ARGV[4], 'meeting_deleted', {kind = ARGV[5], id = ARGV[6], role = ARGV[7]}, 'meeting:' .. ARGV[3], 'active',
    'deleted', ARGV[8], 'title', title)
return {'OK'}
