-- Removes instances ARGV (ids) from the projection whatever their seq: for a deleted instance, or
-- a row the repair pass found pointing at nothing. {'OK'}.
for _, iid in ipairs(ARGV) do
  redis.call('HDEL', base .. ':active', iid)
end
redis.call('INCR', base .. ':version')
return {'OK'}
