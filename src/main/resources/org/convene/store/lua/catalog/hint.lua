-- Brings the due times of instances in line with what their settle returned. ARGV holds groups of
-- four: instance, status (scheduled/active/ended/missing), from, to; a missing instance also leaves
-- the instance -> meeting map (its id is never reused, so a cached entry only leads to 'invalid'). Idempotent, so two
-- schedulers acknowledging the same instance agree. With ARGV[1] = 'early', only moves times earlier.
local start = 1
local early = ARGV[1] == 'early'
if early then start = 2 end
for i = start, #ARGV, 4 do
  local iid, status, from, to = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]
  if early then
    redis.call('ZADD', base .. ':starts', 'LT', from, iid)
    redis.call('ZADD', base .. ':ends', 'LT', to, iid)
  elseif status == 'scheduled' then
    redis.call('ZADD', base .. ':starts', from, iid)
    redis.call('ZADD', base .. ':ends', to, iid)
    redis.call('ZREM', base .. ':active', iid)
  elseif status == 'active' then
    redis.call('ZREM', base .. ':starts', iid)
    redis.call('ZADD', base .. ':ends', to, iid)
    redis.call('ZADD', base .. ':active', to, iid)
  else
    redis.call('ZREM', base .. ':starts', iid)
    redis.call('ZREM', base .. ':ends', iid)
    redis.call('ZREM', base .. ':active', iid)
    if status == 'missing' then redis.call('HDEL', base .. ':instance-meeting', iid) end
  end
end
return {'OK'}
