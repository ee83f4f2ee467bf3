-- Instance ARGV[3]'s live feed after stream id ARGV[4] ('0' for the start), at most ARGV[5] entries,
-- each as {id, kind, user, n, at, text}; a chat entry carries its message's text, read here in the same slot.
-- {'OK', entries} or {'INVALID_INSTANCE'}.
local iid, after, limit = ARGV[3], ARGV[4], tonumber(ARGV[5])
if redis.call('EXISTS', ikey(iid)) == 0 then return {'INVALID_INSTANCE'} end
local start = '(' .. after
if after == '0' then start = '-' end
local entries = redis.call('XRANGE', ikey(iid) .. ':feed', start, '+', 'COUNT', limit)
local result = {}
for _, entry in ipairs(entries) do
  local f = {}
  for i = 1, #entry[2], 2 do f[entry[2][i]] = entry[2][i + 1] end
  local text = false
  if f['kind'] == 'chat' then
    local message = redis.call('XRANGE', ikey(iid) .. ':chat', f['n'] .. '-0', f['n'] .. '-0')[1]
    if message then
      for i = 1, #message[2], 2 do if message[2][i] == 'text' then text = message[2][i + 1] end end
    end
  end
  result[#result + 1] = {entry[1], f['kind'], f['user'], f['n'], f['at'], text}
end
return {'OK', result}
