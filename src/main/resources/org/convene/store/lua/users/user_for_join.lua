-- user_for_join: the first step of a join: a user's e-mail and name, read only.
-- KEYS: 1 users base
-- ARGV: 1 user id
-- REPLY: {'OK', e-mail, name} | {'INVALID_USER'}
local user = redis.call('HMGET', ukey(ARGV[1]), 'email', 'name', 'deleted')
if not user[1] or user[3] == '1' then return {'INVALID_USER'} end
return {'OK', user[1], user[2]}
