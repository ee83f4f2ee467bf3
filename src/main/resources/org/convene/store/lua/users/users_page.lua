-- users_page: up to `limit` users with ids after a given one, each as its hash.
-- KEYS: 1 users base
-- ARGV: 1 after (user id), 2 limit
-- REPLY: {'OK', {user hash (flat), ...}}
local result = {}
for _, uid in ipairs(redis.call('ZRANGEBYSCORE', base .. ':ids', '(' .. ARGV[1], '+inf', 'LIMIT', 0, tonumber(ARGV[2]))) do
  result[#result + 1] = redis.call('HGETALL', ukey(uid))
end
return {'OK', result}
