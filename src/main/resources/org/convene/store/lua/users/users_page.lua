-- Up to ARGV[2] users with ids after ARGV[1], each as its hash.
local result = {}
for _, uid in ipairs(redis.call('ZRANGEBYSCORE', base .. ':ids', '(' .. ARGV[1], '+inf', 'LIMIT', 0, tonumber(ARGV[2]))) do
  result[#result + 1] = redis.call('HGETALL', ukey(uid))
end
return {'OK', result}
