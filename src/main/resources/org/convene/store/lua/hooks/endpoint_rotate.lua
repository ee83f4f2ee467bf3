-- endpoint_rotate: gives an endpoint a new secret; the one it replaces keeps signing beside it for a while.
-- The audit record says that it was replaced and until when the previous one signs, never either secret.
-- KEYS: 1 hooks base
-- ARGV: 1 endpoint id, 2 new secret (sealed), 3 previous until (ms), 4 now (ms), 5 actor kind (root, user),
--      6 actor id (0 for root), 7 actor role, 8 request id ('' none)
-- REPLY: {'OK', endpoint hash (flat)} | {'NOT_FOUND'}
local eid = ARGV[1]
if redis.call('EXISTS', ekey(eid)) == 0 then return {'NOT_FOUND'} end
local current = redis.call('HGET', ekey(eid), 'secret')
redis.call('HSET', ekey(eid), 'previous', current, 'previousUntil', ARGV[3], 'secret', ARGV[2], 'updatedAt', ARGV[4])
audit(base, ARGV[4], 'endpoint_secret_rotated', {kind = ARGV[5], id = ARGV[6], role = ARGV[7]}, 'endpoint:' .. eid,
    'secret', 'new secret; the previous one signs until ' .. ARGV[3], ARGV[8])
return {'OK', redis.call('HGETALL', ekey(eid))}
