-- Sends deliveries ARGV[4..] of endpoint ARGV[3] again at now = ARGV[1] (retention ARGV[2] ms): each as a
-- new delivery of the same message (so the same webhook-id) at the tail of its lane. A delivery of
-- another endpoint, or whose message is past the retention, is skipped. {'OK', new delivery ids}.
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
