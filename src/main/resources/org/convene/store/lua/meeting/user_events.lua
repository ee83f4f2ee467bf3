-- The events of user ARGV[3] in this meeting, in order.
return {'OK', in_events(function() return redis.call('XRANGE', evbase .. ':user:' .. ARGV[3], '-', '+') end)}
