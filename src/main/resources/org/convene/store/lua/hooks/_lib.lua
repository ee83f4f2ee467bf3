-- Shared by the webhook scripts. Script.java prepends this file (after _common.lua). Webhooks span
-- meetings, so they live under one hash tag of their own:
--   KEYS[1] = convene:{hooks}
--   <base>:next:endpoint, <base>:next:delivery   id counters
--   <base>:endpoints              set   endpoint ids
--   <base>:endpoint:<eid>         hash  id url events (',' list, '*' all) description enabled (1/0) disabledReason
--                                       createdAt updatedAt secret previous previousUntil (secrets sealed by webhook/SecretBox)
--   <base>:endpoint:<eid>:log     zset  delivery id (12 digits) by creation (ms): the delivery log, trimmed to the retention
--   <base>:endpoint:<eid>:lanes   set   the endpoint's lanes ("<eid>:<iid>") that hold deliveries
--   <base>:msg:<msgId>            hash  type instance meeting at payload (the JSON sent); expires after the retention
--   <base>:delivery:<did>         hash  id endpoint msg instance status attempts created lastAttemptAt lastCode latency
--                                       lastError nextAttemptAt deliveredAt; expires after the retention
--   <base>:lane:<eid>:<iid>       list  delivery ids of one endpoint and one instance, oldest first: delivered one at
--                                       a time, so that an endpoint receives an instance's events in order
--   <base>:due                    zset  lane by when its head is next tried (ms); a lane in flight or parked is absent
--   <base>:endpoint:<eid>:parked  set   the endpoint's lanes waiting for it to be enabled again (only these go back
--                                       to due when it is: a lane on the work stream or in flight must not twice)
--   <base>:work                   stream  lane: lanes handed to the nodes' workers through the consumer group
--                                       'deliver'; a node that dies holding one leaves it pending for another to claim
--   <base>:audit                 stream  <seq>-0: the audit records of what changed endpoints (see audit() in _common.lua);
--                                       <base>:audit:seq their count (the chain 'hooks')
--   <base>:dirty                  set   meeting ids whose outbox was written (announced after each write; swept)
--   <base>:pump:<mid>             string  the token of the node draining that meeting's outbox (expires)
-- Times are UTC epoch milliseconds, passed as strings.
local base = KEYS[1]
local GROUP = 'deliver'

local function ekey(eid) return base .. ':endpoint:' .. eid end
local function dkey(did) return base .. ':delivery:' .. did end
local function lkey(lane) return base .. ':lane:' .. lane end

-- A delivery id as the log's member: fixed width, so that members of one millisecond sort by id.
local function padded(did) return string.format('%012d', tonumber(did)) end

-- A value of an endpoint's field as its audit record shows it: a URL without its query and user information, which
-- may hold a secret (a token in the address).
local function shown(field, value)
  if field ~= 'url' or not value then return value or '' end
  value = string.gsub(value, '[?#].*$', '')
  value = string.gsub(value, '//[^/@]*@', '//')
  return value
end

local function enabled(eid) return redis.call('HGET', ekey(eid), 'enabled') == '1' end

-- Makes lane `lane` of endpoint `eid` wait for its next turn: due at `at` while the endpoint is enabled,
-- parked until it is enabled again otherwise.
local function wait_turn(eid, lane, at)
  if enabled(eid) then
    redis.call('ZADD', base .. ':due', at, lane)
  else
    redis.call('SADD', ekey(eid) .. ':parked', lane)
  end
end

-- Queues message `msg` (of instance `iid`) for endpoint `eid` at the tail of their lane; a lane that
-- was empty becomes due now. Returns the delivery id.
local function new_delivery(eid, msg, iid, now, keep)
  local did = redis.call('INCR', base .. ':next:delivery')
  redis.call('HSET', dkey(did), 'id', did, 'endpoint', eid, 'msg', msg, 'instance', iid, 'status', 'pending',
      'attempts', 0, 'created', now)
  redis.call('PEXPIRE', dkey(did), keep)
  local log = ekey(eid) .. ':log'
  redis.call('ZADD', log, now, padded(did))
  redis.call('ZREMRANGEBYSCORE', log, '-inf', '(' .. (tonumber(now) - keep))
  local lane = eid .. ':' .. iid
  if redis.call('RPUSH', lkey(lane), did) == 1 then
    redis.call('SADD', ekey(eid) .. ':lanes', lane)
    wait_turn(eid, lane, now)
  end
  -- A lane outlives its last delivery by no more than the retention (an endpoint left disabled).
  redis.call('PEXPIRE', lkey(lane), keep)
  return did
end

-- Takes work entry `id` off the stream for good: acknowledged and deleted, so the stream stays short.
local function done(id)
  redis.call('XACK', base .. ':work', GROUP, id)
  redis.call('XDEL', base .. ':work', id)
end

-- What a worker is to send next for work entry `id` on lane `lane`: its head, as
-- {'DELIVER', delivery id, url, secret, previous secret ('' none), previous until (ms, '0' none), message id,
-- payload, attempts so far, created (ms)}; or {'NONE'} (nothing to send: lane empty, endpoint gone, message
-- expired) or {'PARKED'} (the endpoint is disabled: the lane waits for it to be enabled), the entry then done.
local function head(id, lane, now)
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
end
