-- The lifecycle feed after stream id ARGV[1] ('0' for the start), at most ARGV[2] entries, each as
-- {id, kind, instance, meeting, from, to}.
local result = {}
for _, entry in ipairs(redis.call('XRANGE', base .. ':feed', after_id(ARGV[1]), '+', 'COUNT', tonumber(ARGV[2]))) do
  local f = fields(entry[2])
  result[#result + 1] = {entry[1], f['kind'], f['instance'], f['meeting'], f['from'], f['to']}
end
return {'OK', result}
