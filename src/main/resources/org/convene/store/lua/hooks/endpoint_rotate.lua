-- endpoint_rotate: gives an endpoint a new secret; the one it replaces keeps signing beside it for a while.
-- KEYS: 1 hooks base
-- ARGV: 1 endpoint id, 2 new secret (sealed), 3 previous until (ms), 4 now (ms)
-- REPLY: {'OK', endpoint hash (flat)} | {'NOT_FOUND'}
local eid = ARGV[1]
if redis.call('EXISTS', ekey(eid)) == 0 then return {'NOT_FOUND'} end
local current = redis.call('HGET', ekey(eid), 'secret')
redis.call('HSET', ekey(eid), 'previous', current, 'previousUntil', ARGV[3], 'secret', ARGV[2], 'updatedAt', ARGV[4])
return {'OK', redis.call('HGETALL', ekey(eid))}
