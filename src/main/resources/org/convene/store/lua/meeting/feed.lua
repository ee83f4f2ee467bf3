-- Instance ARGV[3]'s live feed after stream id ARGV[4] ('0' for the start), at most ARGV[5] entries,
-- each as {id, kind, user, n, at, text, reason}; a chat entry carries its message's text, read here in the same slot.
-- {'OK', entries} or {'INVALID_INSTANCE'}.
local iid, after, limit = ARGV[3], ARGV[4], tonumber(ARGV[5])
if redis.call('EXISTS', ikey(iid)) == 0 then return {'INVALID_INSTANCE'} end
local entries = redis.call('XRANGE', ikey(iid) .. ':feed', after_id(after), '+', 'COUNT', limit)
local result = {}
for _, entry in ipairs(entries) do
  local f = fields(entry[2])
  local text = false
  if f['kind'] == 'chat' then
    local m = message(iid, f['n'])
    if m then text = m['text'] end
  end
  result[#result + 1] = {entry[1], f['kind'], f['user'], f['n'], f['at'], text, f['reason'] or false}
end
return {'OK', result}
