-- user_erase: erases a deleted user's personal data in the users' slot, with its audit record in the same step.
-- Their name becomes 'Erased user #<id>', their e-mail, age and gender are blanked, and the salt of their personal
-- fields in the audit chains is deleted, so that nobody can match the digests sealed in their place again (the
-- sealer blanks any such field it finds without a salt). The rest (chat, attendance names, the chains' fields,
-- webhook deliveries) is erased slot by slot after it (core/PersonalData): each step idempotent, the whole made
-- again until done. Erasing again records nothing and answers 0.
-- KEYS: 1 users base
-- ARGV: 1 user id, 2 reason, 3 actor kind (root, user), 4 actor id (0 for root), 5 now (ms), 6 request id ('' none)
-- REPLY: {'OK', 1 erased now | 0 already erased} | {'INVALID_USER'} | {'NOT_DELETED'}
local uid, reason = ARGV[1], ARGV[2]
local user = redis.call('HMGET', ukey(uid), 'id', 'deleted', 'erased')
if not user[1] then return {'INVALID_USER'} end
if user[3] == '1' then return {'OK', 0} end
if user[2] ~= '1' then return {'NOT_DELETED'} end
redis.call('HSET', ukey(uid), 'name', 'Erased user #' .. uid, 'email', '', 'age', 0, 'noAge', 1, 'gender', '', 'erased', 1)
redis.call('HDEL', ukey(uid), 'feedTokenHash')
redis.call('HDEL', base .. ':salts', uid)
audit(base, ARGV[5], 'user_erased', acting_admin(ARGV[3], ARGV[4]), 'user:' .. uid, 'deleted', 'erased', ARGV[6],
    'reason', reason)
return {'OK', 1}
