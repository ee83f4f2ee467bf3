-- chat: one user's messages in an instance after a message number.
-- The whole chat is a plain XRANGE, not a script.
-- KEYS: 1 meeting base, 2 events base
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 after (message number), 5 limit, 6 user id
-- REPLY: {'OK', {chat entry, ...}} | {'INVALID_INSTANCE'}
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
