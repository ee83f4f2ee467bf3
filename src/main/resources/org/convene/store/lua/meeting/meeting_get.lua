-- Reads the meeting and its audience; an empty reply if it does not exist.
local meeting = redis.call('HGETALL', base .. ':meeting')
if #meeting == 0 then return {'INVALID_MEETING'} end
return {'OK', meeting, redis.call('SMEMBERS', base .. ':audience')}
