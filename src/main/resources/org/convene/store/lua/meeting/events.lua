-- events: a page of an instance's events log: after a cursor, or the newest before it.
-- Those before it come oldest first all the same.
-- KEYS: 1 meeting base, 2 events base
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 cursor (event number), 5 limit, 6 direction ('after' or 'before')
-- REPLY: {'OK', {event entry, ...}} | {'INVALID_INSTANCE'}
local iid, cursor, limit, direction = ARGV[3], ARGV[4], tonumber(ARGV[5]), ARGV[6]
if redis.call('EXISTS', ikey(iid)) == 0 then return {'INVALID_INSTANCE'} end
return {'OK', in_events(function()
  local key = evbase .. ':instance:' .. iid
  if direction == 'after' then
    return redis.call('XRANGE', key, '(' .. cursor .. '-0', '+', 'COUNT', limit)
  end
  local newest = redis.call('XREVRANGE', key, '(' .. cursor .. '-0', '-', 'COUNT', limit)
  local page = {}
  for i = #newest, 1, -1 do page[#page + 1] = newest[i] end
  return page
end)}
