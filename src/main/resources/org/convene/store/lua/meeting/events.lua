-- A page of instance ARGV[3]'s events log, at most ARGV[5] events: those after event ARGV[4] when
-- ARGV[6] is 'after', the newest ones before it (returned oldest first) when 'before'.
-- {'OK', entries} or {'INVALID_INSTANCE'}.
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
