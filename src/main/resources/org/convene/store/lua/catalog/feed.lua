-- The lifecycle feed after stream id ARGV[1] ('0' for the start), at most ARGV[2] entries, each as
-- {id, kind, instance, meeting, from, to}.
local start = '(' .. ARGV[1]
if ARGV[1] == '0' then start = '-' end
local result = {}
for _, entry in ipairs(redis.call('XRANGE', base .. ':feed', start, '+', 'COUNT', tonumber(ARGV[2]))) do
  local f = {}
  for i = 1, #entry[2], 2 do f[entry[2][i]] = entry[2][i + 1] end
  result[#result + 1] = {entry[1], f['kind'], f['instance'], f['meeting'], f['from'], f['to']}
end
return {'OK', result}
