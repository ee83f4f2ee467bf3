-- forget: removes instances from the projection whatever their seq.
-- For rows the repair pass found pointing at an instance that no longer exists.
-- KEYS: 1 live base
-- ARGV: 1.. instance ids
-- REPLY: {'OK'}
for _, iid in ipairs(ARGV) do
  if redis.call('HDEL', base .. ':active', iid) == 1 then
    local version = redis.call('INCR', base .. ':version')
    redis.call('XADD', base .. ':changes', 'MAXLEN', '~', CHANGES_CAP, '*', 'v', version, 'id', iid)
  end
end
return {'OK'}
