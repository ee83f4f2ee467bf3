-- Creates series ARGV[3] of meeting ARGV[4] at now = ARGV[5], with rule ARGV[6], local start ARGV[7],
-- zone ARGV[8] and length ARGV[9] (minutes). {'OK', series hash} or {'INVALID_MEETING'}.
local sid, mid, now = ARGV[3], ARGV[4], ARGV[5]
if redis.call('EXISTS', base .. ':meeting') == 0 then return {'INVALID_MEETING'} end
local key = base .. ':series:' .. sid
redis.call('HSET', key, 'id', sid, 'meetingId', mid, 'rrule', ARGV[6], 'start', ARGV[7], 'zone', ARGV[8],
    'minutes', ARGV[9], 'sequence', 0, 'createdAt', now, 'until', 0)
redis.call('SADD', base .. ':series', sid)
return {'OK', redis.call('HGETALL', key)}
