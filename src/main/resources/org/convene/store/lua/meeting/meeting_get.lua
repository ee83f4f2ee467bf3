-- meeting_get: the meeting and its audience.
-- KEYS: 1 meeting base, 2 events base
-- ARGV: 1 data db, 2 events db
-- REPLY: {'OK', meeting hash (flat), {e-mail, ...}} | {'INVALID_MEETING'}
local meeting = redis.call('HGETALL', base .. ':meeting')
if #meeting == 0 then return {'INVALID_MEETING'} end
return {'OK', meeting, redis.call('SMEMBERS', base .. ':audience')}
