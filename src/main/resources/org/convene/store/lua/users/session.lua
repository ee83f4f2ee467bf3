-- session: opens, reads (renewing its idle time), ends, or ends everywhere a console session of a user.
-- A session is kept as the SHA-256 of its cookie's value, as '<user id>:<end (ms)>', expiring after the idle time unless
-- a read renews it and at its end whatever happens (so that a role or an account taken away at the identity provider
-- is taken here by the next sign-in at the latest); each user's sessions are also listed so that all of them can be
-- ended at once. A suspended or deleted user's sessions open nothing. Opening and ending everywhere are recorded.
-- KEYS: 1 users base
-- ARGV: 1 'open' | 'read' | 'peek' | 'end' | 'end_all', 2 session hash ('' for end_all), 3 user id (open, end_all),
--      4 idle time (ms), 5 how they signed in (open) or actor kind (end_all), 6 actor id (end_all) or the session's
--      end (ms, open), 7 now (ms), 8 request id ('' none)
-- REPLY: {'OK', user id, e-mail, role} | {'OK', sessions ended} | {'INVALID_USER'}
local op, hash, uid, idle, now = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[7]
local function skey(h) return base .. ':session:' .. h end
local function listed(u) return ukey(u) .. ':sessions' end
-- The user and the end of a kept session; one kept as a bare user id (as sign-in's first build wrote them) has ended.
local function parts(kept)
  local u, ends = string.match(kept, '^(%d+):(%d+)$')
  if u then return u, ends end
  return kept, '0'
end
local function owner(u)
  local user = redis.call('HMGET', ukey(u), 'email', 'role', 'deleted', 'suspended')
  if not user[1] or user[3] == '1' or user[4] == '1' then return nil end
  return {'OK', tonumber(u), user[1], user[2] or 'member'}
end
if op == 'open' then
  local found = owner(uid)
  if not found then return {'INVALID_USER'} end
  for _, old in ipairs(redis.call('SMEMBERS', listed(uid))) do
    if redis.call('EXISTS', skey(old)) == 0 then redis.call('SREM', listed(uid), old) end
  end
  redis.call('SET', skey(hash), uid .. ':' .. ARGV[6], 'PX', math.min(tonumber(idle), tonumber(ARGV[6]) - tonumber(now)))
  redis.call('SADD', listed(uid), hash)
  audit(base, now, 'signed_in', {kind = 'user', id = uid, role = found[4]}, 'user:' .. uid, '',
      'session ' .. string.sub(hash, 1, 12) .. ' by ' .. ARGV[5], ARGV[8], 'subject', uid)
  return found
elseif op == 'read' or op == 'peek' then
  local kept = redis.call('GET', skey(hash))
  if not kept then return {'INVALID_USER'} end
  local u, ends = parts(kept)
  if tonumber(ends) <= tonumber(now) then
    redis.call('DEL', skey(hash))
    return {'INVALID_USER'}
  end
  local found = owner(u)
  if not found then return {'INVALID_USER'} end
  if op == 'read' then redis.call('PEXPIRE', skey(hash), math.min(tonumber(idle), tonumber(ends) - tonumber(now))) end
  return found
elseif op == 'end' then
  local kept = redis.call('GET', skey(hash))
  redis.call('DEL', skey(hash))
  if kept then redis.call('SREM', listed((parts(kept))), hash) end
  return {'OK', kept and 1 or 0}
end
local sessions = redis.call('SMEMBERS', listed(uid))
local ended = 0
for _, h in ipairs(sessions) do ended = ended + redis.call('DEL', skey(h)) end
redis.call('DEL', listed(uid))
audit(base, now, 'signed_out_everywhere', (acting_admin(ARGV[5], ARGV[6])), 'user:' .. uid, ended .. ' sessions', '0 sessions', ARGV[8],
    'subject', uid)
return {'OK', ended}
