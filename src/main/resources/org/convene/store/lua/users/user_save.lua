-- user_save: creates a user, or replaces one's details if it is at the version expected.
-- KEYS: 1 users base
-- ARGV: 1 user id ('' to create), 2 expected version ('' any), 3 name, 4 age, 5 gender, 6 normalised e-mail
-- REPLY: {'OK', user id, version, role} | {'EMAIL_TAKEN', e-mail} | {'INVALID_USER'} | {'VERSION_MISMATCH', version}
local uid, expected, name, age, gender, email = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local owner = redis.call('HGET', base .. ':emails', email)
local version = 1
if uid == '' then
  if owner then return {'EMAIL_TAKEN', email} end
  uid = tostring(redis.call('INCR', base .. ':next'))
  redis.call('ZADD', base .. ':ids', uid, uid)
else
  local current = redis.call('HMGET', ukey(uid), 'version', 'email', 'deleted')
  if not current[1] or current[3] == '1' then return {'INVALID_USER'} end
  if expected ~= '' and expected ~= current[1] then return {'VERSION_MISMATCH', current[1]} end
  if owner and owner ~= uid then return {'EMAIL_TAKEN', email} end
  redis.call('HDEL', base .. ':emails', current[2])
  version = tonumber(current[1]) + 1
end
redis.call('HSET', base .. ':emails', email, uid)
redis.call('HSET', ukey(uid), 'id', uid, 'name', name, 'age', age, 'gender', gender, 'email', email, 'version', version)
return {'OK', tonumber(uid), version, redis.call('HGET', ukey(uid), 'role') or 'member'}
