-- outcome: records how an attempt went, and moves its lane on.
-- Results: 'ok' (2xx), 'retry' (to be tried again at the next attempt), 'failed' (the retry schedule is
-- spent), 'gone' (410: the endpoint is disabled). The lane's head moves on after 'ok', 'failed' and 'gone';
-- the lane is due again now, at the next attempt, or parked while its endpoint is disabled. A worker that
-- may go on with the lane (ARGV 10 '1') gets its next delivery at once instead, the work entry staying its
-- own: an instance's events go one after another without waiting for the next look, in order. An attempt
-- that finds its delivery no longer the head (another node claimed the work and finished it) changes only
-- the delivery's own record.
-- KEYS: 1 hooks base
-- ARGV: 1 work entry id, 2 lane (<eid>:<iid>), 3 delivery id, 4 now (ms), 5 result, 6 answer code (0 none),
--      7 latency (ms), 8 error ('' none), 9 next attempt (ms, for 'retry'), 10 go on with the lane ('1' or '0')
-- REPLY: {'OK'} | {'DELIVER', delivery id, url, secret, previous secret ('' none), previous until (ms, '0' none),
--      message id, payload, attempts so far, created (ms)} | {'NONE'} | {'PARKED'} (going on: the lane's next,
--      as begin answers)
local id, lane, did, now, result, code, latency, err, next_at, go_on =
    ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9], ARGV[10]
local eid = string.match(lane, '^(%d+):')
local current = redis.call('LINDEX', lkey(lane), 0) == did
if redis.call('EXISTS', dkey(did)) == 1 and not current then
  -- Another node finished this delivery after claiming the work: only the attempt is counted.
  redis.call('HINCRBY', dkey(did), 'attempts', 1)
  redis.call('HSET', dkey(did), 'lastAttemptAt', now)
elseif redis.call('EXISTS', dkey(did)) == 1 then
  redis.call('HINCRBY', dkey(did), 'attempts', 1)
  redis.call('HSET', dkey(did), 'lastAttemptAt', now, 'lastCode', code, 'latency', latency, 'lastError', err)
  if result == 'ok' then
    redis.call('HSET', dkey(did), 'status', 'delivered', 'deliveredAt', now)
    redis.call('HDEL', dkey(did), 'nextAttemptAt')
  elseif result == 'retry' then
    redis.call('HSET', dkey(did), 'status', 'retrying', 'nextAttemptAt', next_at)
  else
    redis.call('HSET', dkey(did), 'status', 'failed')
    redis.call('HDEL', dkey(did), 'nextAttemptAt')
  end
end
if result == 'gone' and redis.call('EXISTS', ekey(eid)) == 1 then
  redis.call('HSET', ekey(eid), 'enabled', '0', 'disabledReason', 'The endpoint answered 410 Gone', 'updatedAt', now)
end
if current then
  if result == 'retry' then
    redis.call('ZADD', base .. ':due', next_at, lane)
  else
    redis.call('LPOP', lkey(lane))
    if redis.call('LLEN', lkey(lane)) == 0 then
      redis.call('SREM', ekey(eid) .. ':lanes', lane)
    elseif go_on == '1' then
      return head(id, lane, now)
    else
      wait_turn(eid, lane, now)
    end
  end
end
done(id)
return {'OK'}
