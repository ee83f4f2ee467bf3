-- hint: brings the due times of instances in line with what their settle returned.
-- A missing instance also leaves the instance -> meeting map (its id is never reused, so a cached entry only
-- leads to 'invalid'). Idempotent, so two schedulers acknowledging the same instance agree. With 'early'
-- first, it only moves times earlier.
-- Each change of an instance's index state is also appended to <base>:feed (scheduled, activated,
-- ended, deleted), the lifecycle stream of every instance: it happens exactly when the indexes
-- change, so each transition appears there once however many schedulers report it.
-- KEYS: 1 catalog base
-- ARGV: 1.. 'early' (optional: only move times earlier), then {instance id, status (scheduled, active,
--      ended, missing, unknown, or announce:<status>), from (ms), to (ms)}
-- REPLY: {'OK'}
local start = 1
local early = ARGV[1] == 'early'
if early then start = 2 end
local function feed(kind, iid, from, to)
  local mid = redis.call('HGET', base .. ':instance-meeting', iid) or '0'
  redis.call('XADD', base .. ':feed', 'MAXLEN', '~', FEED_CAP, '*', 'kind', kind, 'instance', iid, 'meeting', mid,
      'from', from, 'to', to)
end
-- The furthest stage each instance's hints reported: a stage only moves forward, so a hint that arrives
-- late (its node stalled, or its reply was lost and another node went on) and reports an earlier stage
-- changes nothing, and no transition shows twice on the lifecycle.
local STAGE = {scheduled = 1, active = 2, ended = 3, missing = 4}
local function apply(iid, status, from, to)
  local reached = tonumber(redis.call('HGET', base .. ':stage', iid) or '0')
  -- 'announce:<status>' comes from a create or a move: the window is news even if a due time was already written.
  local announce = string.sub(status, 1, 9) == 'announce:'
  if announce then status = string.sub(status, 10) end
  if status == 'unknown' then
    -- A settle found no such instance. That is not believed at first sight: a stopped primary that resumes
    -- answers, for a moment, as if it still held the slot its replica took over meanwhile, and finds no
    -- instance made since (the long fault run saw an announced instance dropped as deleted that way, its
    -- participants left inside); and before its announce the instance may not be written yet (its creator is
    -- slow: a creation held up 10 s by a stopped primary) or never (its creator died between the two steps).
    -- So it is looked at again in 5 s, and let go only a minute after it was first found missing: as
    -- deleted if it was announced (the deletion's own hint was lost), silently if it never was.
    local t = redis.call('TIME')
    local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
    redis.call('HSETNX', base .. ':unknown', iid, now)
    if now - tonumber(redis.call('HGET', base .. ':unknown', iid)) < 60000 then
      if redis.call('ZSCORE', base .. ':starts', iid) then redis.call('ZADD', base .. ':starts', now + 5000, iid) end
      if redis.call('ZSCORE', base .. ':ends', iid) then redis.call('ZADD', base .. ':ends', now + 5000, iid) end
      return
    end
    redis.call('HDEL', base .. ':unknown', iid)
    if reached >= 1 then
      status = 'missing'
    else
      redis.call('ZREM', base .. ':starts', iid)
      redis.call('ZREM', base .. ':ends', iid)
      redis.call('ZREM', base .. ':active', iid)
      return
    end
  end
  -- Found after all: its due times were only moved for the second look, which the lifecycle does not show.
  local rechecked = redis.call('HDEL', base .. ':unknown', iid) == 1
  local stage = STAGE[status] or 0
  if early then
    if reached < 2 then redis.call('ZADD', base .. ':starts', 'LT', from, iid) end
    if reached < 3 then redis.call('ZADD', base .. ':ends', 'LT', to, iid) end
    return
  end
  if stage < reached then return end
  if stage > reached then redis.call('HSET', base .. ':stage', iid, stage) end
  if announce then feed('scheduled', iid, from, to) end
  if status == 'scheduled' then
    local fresh = redis.call('ZADD', base .. ':starts', 'CH', from, iid)
    redis.call('ZADD', base .. ':ends', to, iid)
    redis.call('ZREM', base .. ':active', iid)
    if fresh == 1 and not rechecked then feed('scheduled', iid, from, to) end
  elseif status == 'active' then
    redis.call('ZREM', base .. ':starts', iid)
    redis.call('ZADD', base .. ':ends', to, iid)
    if redis.call('ZADD', base .. ':active', to, iid) == 1 then feed('activated', iid, from, to) end
  else
    -- An instance that ends while the index still waits for its start was activated first all the same
    -- (its window passed unseen, or the hint of its activation was lost with a node): the lifecycle says so,
    -- so that it shows every instance activated once and ended once.
    local unseen = status == 'ended' and reached < 2 and redis.call('ZSCORE', base .. ':starts', iid)
    -- The window as the settle reported it; an end by hand reports none (0), and the index's due times are
    -- then the best known (unless a second look moved them).
    if unseen then
      if from ~= '0' then feed('activated', iid, from, to)
      else feed('activated', iid, unseen, redis.call('ZSCORE', base .. ':ends', iid) or to) end
    end
    local was = redis.call('ZREM', base .. ':starts', iid) + redis.call('ZREM', base .. ':ends', iid)
        + redis.call('ZREM', base .. ':active', iid)
    if was > 0 or status == 'missing' then
      feed(status == 'missing' and 'deleted' or 'ended', iid, from, to)
    end
    if status == 'missing' then redis.call('HDEL', base .. ':instance-meeting', iid) end
  end
end
for i = start, #ARGV, 4 do
  apply(ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3])
end
return {'OK'}
