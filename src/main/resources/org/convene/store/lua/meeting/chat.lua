-- Function 7 and 9: chat of an instance after message ARGV[4], at most ARGV[5] messages;
-- only user ARGV[6]'s when it is not ''. ARGV[3] = instance. {'OK', entries}, or {'INVALID_INSTANCE'}.
local iid, after, limit, uid = ARGV[3], ARGV[4], tonumber(ARGV[5]), ARGV[6]
if redis.call('EXISTS', ikey(iid)) == 0 then return {'INVALID_INSTANCE'} end
local chat = ikey(iid) .. ':chat'
if uid == '' then return {'OK', redis.call('XRANGE', chat, '(' .. after .. '-0', '+', 'COUNT', limit)} end
local numbers = redis.call('ZRANGEBYSCORE', chat .. ':user:' .. uid, '(' .. after, '+inf', 'LIMIT', 0, limit)
local messages = {}
for _, n in ipairs(numbers) do
  local entry = redis.call('XRANGE', chat, n .. '-0', n .. '-0')
  if entry[1] then messages[#messages + 1] = entry[1] end
end
return {'OK', messages}
