-- identity_read: the user linked to an identity provider's issuer and subject, as a token's owner, without signing in.
-- For rechecking open streams: a suspended or deleted user, or an identity never signed in, opens nothing.
-- KEYS: 1 users base
-- ARGV: 1 issuer, 2 subject
-- REPLY: {'OK', user id, e-mail, role} | {'INVALID_USER'}
local uid = redis.call('HGET', base .. ':identities', cjson.encode({ARGV[1], ARGV[2]}))
if not uid then return {'INVALID_USER'} end
local u = redis.call('HMGET', ukey(uid), 'email', 'role', 'deleted', 'suspended')
if not u[1] or u[3] == '1' or u[4] == '1' then return {'INVALID_USER'} end
return {'OK', tonumber(uid), u[1], u[2] or 'member'}
