-- What a worker is to send for work entry ARGV[1] (lane ARGV[2]) at now = ARGV[3]: the lane's head.
-- {'DELIVER', delivery id, url, secret, previous secret, previous until (ms), message id, payload,
-- attempts so far, created (ms)}; or {'NONE'} (lane empty, endpoint gone, message expired: nothing to
-- send, the entry is done) or {'PARKED'} (endpoint disabled: the lane waits for it to be enabled).
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
