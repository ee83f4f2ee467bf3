-- user_save: creates a user, or replaces one's details if it is at the version expected, with its audit record.
-- The record names the fields that changed; their values are personal (see audit() in _common.lua). An age not
-- given ('') is kept as age 0 with noAge 1, so that a node of the version before (which reads a number) still reads
-- such a user during a rolling upgrade.
-- KEYS: 1 users base
-- ARGV: 1 user id ('' to create), 2 expected version ('' any), 3 name, 4 age, 5 gender, 6 normalised e-mail,
--      7 actor kind (root, user, system), 8 actor id (0 but for a user), 9 now (ms), 10 request id ('' none)
-- REPLY: {'OK', user id, version, role} | {'EMAIL_TAKEN', e-mail} | {'INVALID_USER'} | {'VERSION_MISMATCH', version}
local uid, expected, name, age, gender, email = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local given = {name = name, age = age, gender = gender, email = email}
local was = {}
local owner = redis.call('HGET', base .. ':emails', email)
local version = 1
if uid == '' then
  if owner then return {'EMAIL_TAKEN', email} end
  uid = tostring(redis.call('INCR', base .. ':next'))
  redis.call('ZADD', base .. ':ids', uid, uid)
else
  local current = redis.call('HMGET', ukey(uid), 'version', 'email', 'deleted', 'name', 'age', 'gender', 'noAge')
  if not current[1] or current[3] == '1' then return {'INVALID_USER'} end
  if expected ~= '' and expected ~= current[1] then return {'VERSION_MISMATCH', current[1]} end
  if owner and owner ~= uid then return {'EMAIL_TAKEN', email} end
  redis.call('HDEL', base .. ':emails', current[2])
  version = tonumber(current[1]) + 1
  was = {name = current[4], age = current[7] == '1' and '' or current[5], gender = current[6], email = current[2]}
end
redis.call('HSET', base .. ':emails', email, uid)
redis.call('HSET', ukey(uid), 'id', uid, 'name', name, 'age', age == '' and 0 or age, 'gender', gender, 'email', email,
    'version', version)
if age == '' then redis.call('HSET', ukey(uid), 'noAge', 1) else redis.call('HDEL', ukey(uid), 'noAge') end
local changed, personal = {}, {}
for _, field in ipairs({'name', 'email', 'age', 'gender'}) do
  if was[field] ~= given[field] then
    changed[#changed + 1] = field
    personal[#personal + 1] = 'p.' .. field
    personal[#personal + 1] = given[field]
  end
end
if #changed > 0 then
  audit(base, ARGV[9], version == 1 and 'user_created' or 'user_changed', acting_admin(ARGV[7], ARGV[8]), 'user:' .. uid,
      version == 1 and '' or 'version ' .. (version - 1), 'version ' .. version, ARGV[10], 'changed',
      table.concat(changed, ','), 'subject', uid, unpack(personal))
end
return {'OK', tonumber(uid), version, redis.call('HGET', ukey(uid), 'role') or 'member'}
