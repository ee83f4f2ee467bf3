-- series_save: creates a series of the meeting.
-- KEYS: 1 meeting base, 2 events base
-- ARGV: 1 data db, 2 events db, 3 series id, 4 meeting id, 5 now (ms), 6 rule (RRULE), 7 local start, 8 zone,
--      9 length (minutes),
--      10 actor kind (root, user; '' none), 11 actor id, 12 actor role, 13 request id
-- REPLY: {'OK', series hash (flat)} | {'INVALID_MEETING'}
local sid, mid, now = ARGV[3], ARGV[4], ARGV[5]
if redis.call('EXISTS', base .. ':meeting') == 0 then return {'INVALID_MEETING'} end
local key = base .. ':series:' .. sid
redis.call('HSET', key, 'id', sid, 'meetingId', mid, 'rrule', ARGV[6], 'start', ARGV[7], 'zone', ARGV[8],
    'minutes', ARGV[9], 'sequence', 0, 'createdAt', now, 'until', 0)
redis.call('SADD', base .. ':series', sid)
if (ARGV[10] or '') ~= '' then
  audit(base, now, 'series_created', {kind = ARGV[10], id = ARGV[11], role = ARGV[12]}, 'series:' .. sid, '', ARGV[6], ARGV[13],
      'start', ARGV[7], 'zone', ARGV[8], 'minutes', ARGV[9])
end
return {'OK', redis.call('HGETALL', key)}
