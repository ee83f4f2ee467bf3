-- feed: the lifecycle feed after a stream id, each entry as its id and fields.
-- KEYS: 1 catalog base
-- ARGV: 1 after (stream id, '0' for the start), 2 limit
-- REPLY: {'OK', {{stream id, kind, instance id, meeting id, from (ms), to (ms)}, ...}}
local result = {}
for _, entry in ipairs(redis.call('XRANGE', base .. ':feed', after_id(ARGV[1]), '+', 'COUNT', tonumber(ARGV[2]))) do
  local f = fields(entry[2])
  result[#result + 1] = {entry[1], f['kind'], f['instance'], f['meeting'], f['from'], f['to']}
end
return {'OK', result}
