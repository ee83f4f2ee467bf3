-- live_read: an instance's live row, with what the clock makes due applied first.
-- For the repair pass that rebuilds the {live} projection from the meetings.
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 now (ms)
-- REPLY: {'OK', live row} | {'INVALID_INSTANCE'}
local iid, now = ARGV[3], ARGV[4]
if not settle(iid, now) then return {'INVALID_INSTANCE'} end
return {'OK', live_row(iid)}
