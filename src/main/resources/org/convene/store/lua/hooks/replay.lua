-- replay: sends deliveries of an endpoint again, each as a new delivery of the same message.
-- So with the same webhook-id, at the tail of its lane. A delivery of another endpoint, or whose message is
-- past the retention, is skipped.
-- KEYS: 1 hooks base
-- ARGV: 1 now (ms), 2 retention (ms), 3 endpoint id, 4.. delivery ids
-- REPLY: {'OK', {new delivery id, ...}} | {'NOT_FOUND'}
local now, keep, eid = ARGV[1], tonumber(ARGV[2]), ARGV[3]
if redis.call('EXISTS', ekey(eid)) == 0 then return {'NOT_FOUND'} end
local made = {}
for i = 4, #ARGV do
  local d = redis.call('HMGET', dkey(ARGV[i]), 'endpoint', 'msg', 'instance')
  if d[1] == eid and redis.call('EXISTS', base .. ':msg:' .. d[2]) == 1 then
    redis.call('PEXPIRE', base .. ':msg:' .. d[2], keep)
    made[#made + 1] = new_delivery(eid, d[2], d[3], now, keep)
  end
end
return {'OK', made}
