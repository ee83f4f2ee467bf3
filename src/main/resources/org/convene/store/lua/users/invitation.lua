-- invitation: makes an invitation to a local account, reads one, or accepts one once (making the user with a password).
-- An invitation is kept as the SHA-256 of its link's secret, for one e-mail, until it expires (checked against the
-- caller's clock; the key itself goes a day later). Accepting it makes the user with the password's hash, deletes the
-- invitation in the same step (so a link works once), and records both; an e-mail someone took meanwhile refuses it.
-- KEYS: 1 users base
-- ARGV: 1 'make' | 'read' | 'accept', 2 invitation hash, 3 now (ms), 4 e-mail (make) or password hash (accept),
--      5 name, 6 expires (ms, make), 7 meeting id ('' none, make), 8 actor kind (make), 9 actor id (make),
--      10 request id ('' none)
-- REPLY: {'OK'} | {'OK', e-mail, name, expires, meeting} | {'OK', user id, e-mail, role} | {'INVALID_INVITATION'} |
--      {'EMAIL_TAKEN', e-mail}
local op, hash, now = ARGV[1], ARGV[2], ARGV[3]
local ikey = base .. ':invitation:' .. hash
if op == 'make' then
  local email, name, expires, meeting = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
  if redis.call('HEXISTS', base .. ':emails', email) == 1 then return {'EMAIL_TAKEN', email} end
  local actor = acting_admin(ARGV[8], ARGV[9])
  redis.call('HSET', ikey, 'email', email, 'name', name, 'expires', expires, 'meeting', meeting,
      'by', ARGV[8] == 'user' and ('user:' .. ARGV[9]) or ARGV[8])
  -- Relative to the caller's clock, not Redis's: the two may differ (a test's clock, a skewed node).
  redis.call('PEXPIRE', ikey, tonumber(expires) - tonumber(now) + 86400000)
  audit(base, now, 'invitation_made', actor, 'invitation ' .. string.sub(hash, 1, 12), '',
      meeting ~= '' and ('to meeting ' .. meeting) or 'to Convene', ARGV[10], 'p.email', email)
  return {'OK'}
end
local inv = redis.call('HMGET', ikey, 'email', 'name', 'expires', 'meeting')
if not inv[1] or tonumber(inv[3]) <= tonumber(now) then return {'INVALID_INVITATION'} end
if op == 'read' then return {'OK', inv[1], inv[2], tonumber(inv[3]), inv[4]} end
if redis.call('HEXISTS', base .. ':emails', inv[1]) == 1 then return {'EMAIL_TAKEN', inv[1]} end
local name = ARGV[5] ~= '' and ARGV[5] or inv[2]
local uid = tostring(redis.call('INCR', base .. ':next'))
redis.call('ZADD', base .. ':ids', uid, uid)
redis.call('HSET', base .. ':emails', inv[1], uid)
redis.call('HSET', ukey(uid), 'id', uid, 'name', name, 'age', 0, 'noAge', 1, 'gender', '', 'email', inv[1], 'version', 1,
    'role', 'member', 'passwordHash', ARGV[4])
redis.call('DEL', ikey)
audit(base, now, 'user_created', {kind = 'user', id = uid, role = 'member'}, 'user:' .. uid, '', 'version 1', ARGV[10],
    'changed', 'name,email', 'subject', uid, 'p.name', name, 'p.email', inv[1], 'by', 'invitation ' .. string.sub(hash, 1, 12))
return {'OK', tonumber(uid), inv[1], 'member'}
