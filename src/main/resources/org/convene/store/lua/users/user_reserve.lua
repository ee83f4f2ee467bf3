-- First step of a join: reads user ARGV[1]'s e-mail and name and records that the user may now
-- have history in meeting ARGV[2], which keeps user_delete from removing them. {'OK', e-mail, name} or {'INVALID_USER'}.
local uid, mid = ARGV[1], ARGV[2]
local user = redis.call('HMGET', ukey(uid), 'email', 'name')
if not user[1] then return {'INVALID_USER'} end
redis.call('SADD', ukey(uid) .. ':meetings', mid)
return {'OK', user[1], user[2]}
