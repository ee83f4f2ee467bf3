-- The events log of instance ARGV[3] after event ARGV[4], at most ARGV[5]. {'OK', entries} or {'INVALID_INSTANCE'}.
local iid, after, limit = ARGV[3], ARGV[4], tonumber(ARGV[5])
if redis.call('EXISTS', ikey(iid)) == 0 then return {'INVALID_INSTANCE'} end
return {'OK', in_events(function()
  return redis.call('XRANGE', evbase .. ':instance:' .. iid, '(' .. after .. '-0', '+', 'COUNT', limit)
end)}
