-- feed: an instance's live feed after a stream id.
-- A chat entry carries its message's text, read here in the same slot; one whose message was deleted since is left
-- out (a message_deleted entry follows it). Moderation entries name their actor.
-- KEYS: 1 meeting base, 2 events base
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 after (stream id, '0' for the start), 5 limit
-- REPLY: {'OK', {{stream id, kind, user id, n, at, text | false, reason | false, actor | false}, ...}}
--      | {'INVALID_INSTANCE'}
local iid, after, limit = ARGV[3], ARGV[4], tonumber(ARGV[5])
if redis.call('EXISTS', ikey(iid)) == 0 then return {'INVALID_INSTANCE'} end
local entries = redis.call('XRANGE', ikey(iid) .. ':feed', after_id(after), '+', 'COUNT', limit)
local result = {}
for _, entry in ipairs(entries) do
  local f = fields(entry[2])
  local text, gone = false, false
  if f['kind'] == 'chat' then
    local m = message(iid, f['n'])
    if m then text = m['text'] else gone = true end
  end
  if not gone then
    result[#result + 1] = {entry[1], f['kind'], f['user'], f['n'], f['at'], text, f['reason'] or false, f['actor'] or false}
  end
end
return {'OK', result}
