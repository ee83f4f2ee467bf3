-- user_events: the events of one user in this meeting, in order.
-- KEYS: 1 meeting base, 2 events base
-- ARGV: 1 data db, 2 events db, 3 user id
-- REPLY: {'OK', {event entry, ...}}
return {'OK', in_events(function() return redis.call('XRANGE', evbase .. ':user:' .. ARGV[3], '-', '+') end)}
