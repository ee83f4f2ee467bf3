-- Gives endpoint ARGV[1] the new secret ARGV[2] at now = ARGV[4]; the one it replaces keeps signing
-- beside it until ARGV[3] (ms). {'OK', endpoint hash} or {'NOT_FOUND'}.
local eid = ARGV[1]
if redis.call('EXISTS', ekey(eid)) == 0 then return {'NOT_FOUND'} end
local current = redis.call('HGET', ekey(eid), 'secret')
redis.call('HSET', ekey(eid), 'previous', current, 'previousUntil', ARGV[3], 'secret', ARGV[2], 'updatedAt', ARGV[4])
return {'OK', redis.call('HGETALL', ekey(eid))}
