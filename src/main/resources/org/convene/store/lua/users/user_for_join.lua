-- user_for_join: the first step of a join: a user's e-mail, name and global role (hosts never wait), read only.
-- KEYS: 1 users base
-- ARGV: 1 user id
-- REPLY: {'OK', e-mail, name, role ('' for a user of before roles: a member), a guest's instance ('' none),
--      a guest's link ('' none)} | {'INVALID_USER'}
local user = redis.call('HMGET', ukey(ARGV[1]), 'email', 'name', 'deleted', 'role', 'guestOf', 'guestLink')
if not user[1] or user[3] == '1' then return {'INVALID_USER'} end
return {'OK', user[1], user[2], user[4] or '', user[5] or '', user[6] or ''}
