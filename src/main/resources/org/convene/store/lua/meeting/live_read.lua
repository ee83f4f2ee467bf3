-- live_read: an instance's live row, as its meeting holds it now.
-- Read by each node for the instances the change stream names, and for the whole view now and then: reads
-- only (what the clock makes due is applied by the scheduler, or by the read's catch-up before it).
-- KEYS: 1 meeting base, 2 events base
-- ARGV: 1 data db, 2 events db, 3 instance id
-- REPLY: {'OK', live row} | {'INVALID_INSTANCE'}
local iid = ARGV[3]
if redis.call('EXISTS', ikey(iid)) == 0 then return {'INVALID_INSTANCE'} end
return {'OK', live_row(iid)}
