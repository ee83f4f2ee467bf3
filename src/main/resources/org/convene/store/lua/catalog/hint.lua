-- Brings the due times of instances in line with what their settle returned. ARGV holds groups of
-- four: instance, status (scheduled/active/ended/missing, or announce:<status>), from, to; a missing instance also leaves
-- the instance -> meeting map (its id is never reused, so a cached entry only leads to 'invalid').
-- Idempotent, so two schedulers acknowledging the same instance agree. With ARGV[1] = 'early',
-- only moves times earlier.
-- Each change of an instance's index state is also appended to <base>:feed (scheduled, activated,
-- ended, deleted), the lifecycle stream of every instance: it happens exactly when the indexes
-- change, so each transition appears there once however many schedulers report it.
local start = 1
local early = ARGV[1] == 'early'
if early then start = 2 end
local function feed(kind, iid, from, to)
  local mid = redis.call('HGET', base .. ':instance-meeting', iid) or '0'
  redis.call('XADD', base .. ':feed', 'MAXLEN', '~', FEED_CAP, '*', 'kind', kind, 'instance', iid, 'meeting', mid,
      'from', from, 'to', to)
end
for i = start, #ARGV, 4 do
  local iid, status, from, to = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]
  -- 'announce:<status>' comes from a create or a move: the window is news even if a due time was already written.
  if string.sub(status, 1, 9) == 'announce:' then
    status = string.sub(status, 10)
    feed('scheduled', iid, from, to)
  end
  if early then
    redis.call('ZADD', base .. ':starts', 'LT', from, iid)
    redis.call('ZADD', base .. ':ends', 'LT', to, iid)
  elseif status == 'scheduled' then
    local fresh = redis.call('ZADD', base .. ':starts', 'CH', from, iid)
    redis.call('ZADD', base .. ':ends', to, iid)
    redis.call('ZREM', base .. ':active', iid)
    if fresh == 1 then feed('scheduled', iid, from, to) end
  elseif status == 'active' then
    redis.call('ZREM', base .. ':starts', iid)
    redis.call('ZADD', base .. ':ends', to, iid)
    if redis.call('ZADD', base .. ':active', to, iid) == 1 then feed('activated', iid, from, to) end
  else
    local was = redis.call('ZREM', base .. ':starts', iid) + redis.call('ZREM', base .. ':ends', iid)
        + redis.call('ZREM', base .. ':active', iid)
    if was > 0 or status == 'missing' then
      feed(status == 'missing' and 'deleted' or 'ended', iid, from, to)
    end
    if status == 'missing' then redis.call('HDEL', base .. ':instance-meeting', iid) end
  end
end
return {'OK'}
