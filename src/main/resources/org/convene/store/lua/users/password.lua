-- password: reads a local account's password hash by e-mail, makes a link to set a new password, or uses one once.
-- The password is checked by the caller (PBKDF2 is too slow for a script); a suspended or deleted user, or one with no
-- password (signing in through a provider, or by token only), has none to check. A reset link is kept as the SHA-256
-- of its secret until it expires (the caller's clock); using it sets the new hash, ends every session of the user
-- and deletes the link, in one step, recorded.
-- KEYS: 1 users base
-- ARGV: 1 'read' | 'reset_make' | 'reset_read' | 'reset_use', 2 e-mail (read) or link hash, 3 now (ms), 4 user id (reset_make) or
--      password hash (reset_use), 5 expires (ms, reset_make), 6 actor kind, 7 actor id, 8 request id ('' none)
-- REPLY: {'OK', user id, e-mail, role, password hash} | {'OK'} | {'OK', e-mail} | {'OK', user id, e-mail, role} |
--      {'INVALID_USER'} | {'INVALID_RESET'} | {'INVALID_INPUT', why} | {'FORBIDDEN', why}
local op, now = ARGV[1], ARGV[3]
if op == 'read' then
  local uid = redis.call('HGET', base .. ':emails', ARGV[2])
  if not uid then return {'INVALID_USER'} end
  local u = redis.call('HMGET', ukey(uid), 'email', 'role', 'deleted', 'suspended', 'passwordHash', 'guestOf')
  if not u[5] or u[3] == '1' or u[4] == '1' or u[6] then return {'INVALID_USER'} end
  return {'OK', tonumber(uid), u[1], u[2] or 'member', u[5]}
end
local rkey = base .. ':reset:' .. ARGV[2]
if op == 'reset_make' then
  local uid = ARGV[4]
  local u = redis.call('HMGET', ukey(uid), 'email', 'deleted', 'guestOf', 'identity', 'role')
  if not u[1] or u[2] == '1' then return {'INVALID_USER'} end
  local actor, administers = acting_admin(ARGV[6], ARGV[7])
  if not administers then return {'FORBIDDEN', 'Only an administrator may make a password link'} end
  if u[5] == 'admin' and ARGV[6] ~= 'root' then
    return {'FORBIDDEN', 'Only root (the administrator token) may make a password link for an administrator'}
  end
  if u[3] or u[4] then
    return {'INVALID_INPUT', 'User ' .. uid .. ' is a guest or signs in through the identity provider: no password to set'}
  end
  redis.call('HSET', rkey, 'uid', uid, 'expires', ARGV[5])
  redis.call('PEXPIRE', rkey, tonumber(ARGV[5]) - tonumber(now) + 86400000)
  audit(base, now, 'password_reset_link_made', actor, 'user:' .. uid, '',
      'link ' .. string.sub(ARGV[2], 1, 12), ARGV[8], 'subject', uid)
  return {'OK', u[1]}
end
local r = redis.call('HMGET', rkey, 'uid', 'expires')
if not r[1] or tonumber(r[2]) <= tonumber(now) then return {'INVALID_RESET'} end
if op == 'reset_read' then return {'OK'} end
local uid = r[1]
local u = redis.call('HMGET', ukey(uid), 'email', 'role', 'deleted', 'suspended')
if not u[1] or u[3] == '1' or u[4] == '1' then return {'INVALID_RESET'} end
redis.call('HSET', ukey(uid), 'passwordHash', ARGV[4])
redis.call('DEL', rkey)
for _, h in ipairs(redis.call('SMEMBERS', ukey(uid) .. ':sessions')) do redis.call('DEL', base .. ':session:' .. h) end
redis.call('DEL', ukey(uid) .. ':sessions')
audit(base, now, 'password_set', {kind = 'user', id = uid, role = u[2] or 'member'}, 'user:' .. uid, '',
    'by link ' .. string.sub(ARGV[2], 1, 12), ARGV[8], 'subject', uid)
return {'OK', tonumber(uid), u[1], u[2] or 'member'}
