-- begin: what a worker is to send for a work entry: the head of its lane.
-- {'NONE'}: nothing to send (lane empty, endpoint gone, message expired), the entry is done; {'PARKED'}:
-- the endpoint is disabled and the lane waits for it to be enabled.
-- KEYS: 1 hooks base
-- ARGV: 1 work entry id, 2 lane (<eid>:<iid>), 3 now (ms)
-- REPLY: {'DELIVER', delivery id, url, secret, previous secret ('' none), previous until (ms, '0' none),
--      message id, payload, attempts so far, created (ms)} | {'NONE'} | {'PARKED'}
local id, lane, now = ARGV[1], ARGV[2], ARGV[3]
local eid = string.match(lane, '^(%d+):')
local did = redis.call('LINDEX', lkey(lane), 0)
if redis.call('EXISTS', ekey(eid)) == 0 then
  redis.call('DEL', lkey(lane))
  done(id)
  return {'NONE'}
end
if not did then
  redis.call('SREM', ekey(eid) .. ':lanes', lane)
  done(id)
  return {'NONE'}
end
if not enabled(eid) then
  redis.call('SADD', ekey(eid) .. ':parked', lane)
  done(id)
  return {'PARKED'}
end
local d = redis.call('HMGET', dkey(did), 'msg', 'attempts', 'created')
local m = d[1] and redis.call('HGET', base .. ':msg:' .. d[1], 'payload')
if not m then
  -- Past the retention: nothing left to send; the next in the lane goes on.
  redis.call('LPOP', lkey(lane))
  if redis.call('LLEN', lkey(lane)) > 0 then redis.call('ZADD', base .. ':due', now, lane) end
  done(id)
  return {'NONE'}
end
local e = redis.call('HMGET', ekey(eid), 'url', 'secret', 'previous', 'previousUntil')
return {'DELIVER', did, e[1], e[2], e[3] or '', e[4] or '0', d[1], m, d[2], d[3]}
