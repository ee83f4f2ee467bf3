-- The user whose token hashes to ARGV[1]: {'OK', id, stored hash} or {'INVALID_USER'}.
-- The caller compares the stored hash with its own in constant time.
local uid = redis.call('HGET', base .. ':tokens', ARGV[1])
if not uid then return {'INVALID_USER'} end
local stored = redis.call('HGET', ukey(uid), 'tokenHash')
if not stored then return {'INVALID_USER'} end
return {'OK', uid, stored}
