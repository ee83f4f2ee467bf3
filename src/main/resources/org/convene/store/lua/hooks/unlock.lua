-- unlock: releases a lock under the base if it still holds the caller's token.
-- KEYS: 1 hooks base
-- ARGV: 1 lock (a key suffix under the base, such as pump:<mid>), 2 token
-- REPLY: {'OK', 1 (released) | 0}
local key = base .. ':' .. ARGV[1]
if redis.call('GET', key) == ARGV[2] then return {'OK', redis.call('DEL', key)} end
return {'OK', 0}
