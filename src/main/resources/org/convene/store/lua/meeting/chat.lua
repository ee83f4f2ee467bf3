-- Function 9: user ARGV[6]'s messages in instance ARGV[3], after message ARGV[4], at most ARGV[5].
-- {'OK', entries} or {'INVALID_INSTANCE'}. (The whole chat, function 7, is a plain XRANGE, not a script.)
local iid, after, limit, uid = ARGV[3], ARGV[4], tonumber(ARGV[5]), ARGV[6]
if redis.call('EXISTS', ikey(iid)) == 0 then return {'INVALID_INSTANCE'} end
local chat = ikey(iid) .. ':chat'
local numbers = redis.call('ZRANGEBYSCORE', chat .. ':user:' .. uid, '(' .. after, '+inf', 'LIMIT', 0, limit)
local messages = {}
for _, n in ipairs(numbers) do
  local entry = redis.call('XRANGE', chat, n .. '-0', n .. '-0')
  if entry[1] then messages[#messages + 1] = entry[1] end
end
return {'OK', messages}
