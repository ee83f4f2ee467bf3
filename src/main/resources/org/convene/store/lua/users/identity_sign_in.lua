-- identity_sign_in: signs in the person an identity provider vouches for as the user linked to their issuer and subject.
-- A person is their (issuer, subject), never their e-mail: e-mails change and are given to someone else. At the first
-- sign-in they get a new user, or (only when linking is on) the user an administrator made earlier with that verified
-- e-mail and no identity yet; later sign-ins follow the link alone. The user's e-mail (what audiences match) is the
-- provider's while it says the address is verified and no other user holds it; otherwise an address that can be
-- no one's. The role follows the provider's claim at every sign-in unless it was set by hand in Convene (roleByHand).
-- Whatever changes is recorded in the same step, by the system on the identity provider's word.
-- KEYS: 1 users base
-- ARGV: 1 issuer, 2 subject, 3 e-mail ('' none), 4 e-mail verified ('1' or '0'), 5 name, 6 claimed role ('' the
--      token says none: the role stays), 7 link by e-mail ('1' or '0'), 8 now (ms), 9 '1' the token speaks of the
--      e-mail | '0' it does not (the e-mail stays)
-- REPLY: {'OK', user id, e-mail, role} | {'INVALID_USER'}
local iss, sub, email, verified, name, claimed, link, now = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6],
    ARGV[7], ARGV[8]
local saysEmail = ARGV[9] == '1'
local identity = cjson.encode({iss, sub})
local provider = {kind = 'system', id = '0', role = 'admin'}
local vouched = (verified == '1' and email ~= '') and email or nil
local uid = redis.call('HGET', base .. ':identities', identity)
if not uid and link == '1' and vouched then
  local holder = redis.call('HGET', base .. ':emails', vouched)
  if holder then
    local h = redis.call('HMGET', ukey(holder), 'identity', 'deleted', 'guestOf', 'role', 'roleByHand', 'suspended')
    if not h[1] and h[2] ~= '1' and not h[3] and h[6] ~= '1' then
      uid = holder
      redis.call('HSET', ukey(uid), 'identity', identity)
      -- A role given before roles could come from a claim was given by hand: it stays.
      if h[4] and h[4] ~= 'member' then redis.call('HSET', ukey(uid), 'roleByHand', '1') end
      redis.call('HSET', base .. ':identities', identity, uid)
      audit(base, now, 'identity_linked', provider, 'user:' .. uid, '', 'identity of ' .. iss, '', 'subject', uid)
    end
  end
end
local function free(address, owner)
  local holder = redis.call('HGET', base .. ':emails', address)
  return not holder or holder == owner
end
if not uid then
  uid = tostring(redis.call('INCR', base .. ':next'))
  local address = (vouched and free(vouched, uid)) and vouched or ('person-' .. uid .. '@signin.invalid')
  if name == '' then name = 'Person ' .. uid end
  redis.call('ZADD', base .. ':ids', uid, uid)
  redis.call('HSET', base .. ':emails', address, uid)
  if claimed == '' then claimed = 'member' end
  redis.call('HSET', ukey(uid), 'id', uid, 'name', name, 'age', 0, 'noAge', 1, 'gender', '', 'email', address, 'version', 1,
      'role', claimed, 'identity', identity)
  if claimed == 'admin' then redis.call('SADD', base .. ':admins', uid) end
  redis.call('HSET', base .. ':identities', identity, uid)
  audit(base, now, 'user_created', provider, 'user:' .. uid, '', 'version 1', '', 'changed', 'name,email,role',
      'subject', uid, 'p.name', name, 'p.email', address)
  return {'OK', tonumber(uid), address, claimed}
end
local u = redis.call('HMGET', ukey(uid), 'version', 'email', 'deleted', 'suspended', 'role', 'roleByHand', 'name')
if not u[1] or u[3] == '1' or u[4] == '1' then return {'INVALID_USER'} end
local address, role, changed, personal = u[2], u[5] or 'member', {}, {}
local wanted = (vouched and free(vouched, uid)) and vouched or ('person-' .. uid .. '@signin.invalid')
if not saysEmail then wanted = address end
if wanted ~= address then
  if free(address, uid) then redis.call('HDEL', base .. ':emails', address) end
  redis.call('HSET', base .. ':emails', wanted, uid)
  address = wanted
  changed[#changed + 1] = 'email'
  personal[#personal + 1] = 'p.email'
  personal[#personal + 1] = address
end
if name ~= '' and name ~= u[7] then
  changed[#changed + 1] = 'name'
  personal[#personal + 1] = 'p.name'
  personal[#personal + 1] = name
else
  name = u[7]
end
if #changed > 0 then
  local version = redis.call('HINCRBY', ukey(uid), 'version', 1)
  redis.call('HSET', ukey(uid), 'email', address, 'name', name)
  audit(base, now, 'user_changed', provider, 'user:' .. uid, 'version ' .. (version - 1), 'version ' .. version, '',
      'changed', table.concat(changed, ','), 'subject', uid, unpack(personal))
end
if u[6] ~= '1' and claimed ~= '' and claimed ~= role then
  redis.call('HINCRBY', ukey(uid), 'version', 1)
  redis.call('HSET', ukey(uid), 'role', claimed)
  if claimed == 'admin' then redis.call('SADD', base .. ':admins', uid) else redis.call('SREM', base .. ':admins', uid) end
  audit(base, now, 'role_changed', provider, 'user:' .. uid, role, claimed, '', 'subject', uid)
  role = claimed
end
return {'OK', tonumber(uid), address, role}
