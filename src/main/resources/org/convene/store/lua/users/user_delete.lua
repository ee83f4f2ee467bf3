-- Deletes user ARGV[1] unless they have ever tried to join a meeting: events and chat refer to
-- them, and join reserves that reference (user_reserve) before it writes, so no race can dangle.
local uid = ARGV[1]
local email = redis.call('HGET', ukey(uid), 'email')
if not email then return {'INVALID_USER'} end
if redis.call('EXISTS', ukey(uid) .. ':meetings') == 1 then return {'USER_IN_USE', uid} end
local token = redis.call('HGET', ukey(uid), 'tokenHash')
if token then redis.call('HDEL', base .. ':tokens', token) end
redis.call('DEL', ukey(uid))
redis.call('HDEL', base .. ':emails', email)
redis.call('ZREM', base .. ':ids', uid)
return {'OK'}
