-- Releases lock ARGV[1] (a key suffix under the base) if it still holds token ARGV[2]. {'OK', 1 if released}.
local key = base .. ':' .. ARGV[1]
if redis.call('GET', key) == ARGV[2] then return {'OK', redis.call('DEL', key)} end
return {'OK', 0}
