-- Instances with a start, an end or a reaping due at ARGV[1] (now), at most ARGV[2] of each, as id, meeting pairs.
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
