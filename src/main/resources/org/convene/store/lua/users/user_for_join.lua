-- First step of a join: user ARGV[1]'s e-mail and name, read only. {'OK', e-mail, name} or {'INVALID_USER'}.
local user = redis.call('HMGET', ukey(ARGV[1]), 'email', 'name', 'deleted')
if not user[1] or user[3] == '1' then return {'INVALID_USER'} end
return {'OK', user[1], user[2]}
