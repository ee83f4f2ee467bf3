-- due: the instances with a start, an end or a reaping due by now, each with its meeting.
-- At most `limit` from each of the three indexes; an instance due in several is listed once. Its meeting is
-- false once the instance -> meeting map no longer has it.
-- KEYS: 1 catalog base
-- ARGV: 1 now (ms), 2 limit (per index)
-- REPLY: {'OK', {instance id, meeting id | false, ...}}
local now, limit = ARGV[1], tonumber(ARGV[2])
local seen, result = {}, {}
local function add(ids)
  for _, iid in ipairs(ids) do
    if not seen[iid] then
      seen[iid] = true
      result[#result + 1] = iid
      result[#result + 1] = redis.call('HGET', base .. ':instance-meeting', iid) or false
    end
  end
end
add(redis.call('ZRANGEBYSCORE', base .. ':starts', '-inf', now, 'LIMIT', 0, limit))
add(redis.call('ZRANGEBYSCORE', base .. ':ends', '-inf', now, 'LIMIT', 0, limit))
add(redis.call('ZRANGEBYSCORE', base .. ':reaps', '-inf', now, 'LIMIT', 0, limit))
return {'OK', result}
