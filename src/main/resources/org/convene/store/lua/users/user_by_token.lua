-- The user whose token hashes to ARGV[1]: {'OK', id, stored hash, e-mail} or {'INVALID_USER'}.
-- The caller compares the stored hash with its own in constant time.
local uid = redis.call('HGET', base .. ':tokens', ARGV[1])
if not uid then return {'INVALID_USER'} end
local user = redis.call('HMGET', ukey(uid), 'tokenHash', 'email')
if not user[1] then return {'INVALID_USER'} end
return {'OK', uid, user[1], user[2]}
