-- salt: the salt of a user's personal fields in the audit chains, made on first use; none once they are erased.
-- Erasing a person deletes it (user_erase), so that the digests sealed in their place can no longer be matched.
-- KEYS: 1 users base
-- ARGV: 1 user id, 2 a fresh salt to keep if there is none ('': only read)
-- REPLY: {'OK', salt} | {'NONE'} | {'ERASED'}
local uid, fresh = ARGV[1], ARGV[2]
if redis.call('HGET', ukey(uid), 'erased') == '1' then return {'ERASED'} end
local salt = redis.call('HGET', base .. ':salts', uid)
if salt then return {'OK', salt} end
if fresh == '' then return {'NONE'} end
redis.call('HSET', base .. ':salts', uid, fresh)
return {'OK', fresh}
