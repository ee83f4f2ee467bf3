-- user_removed: a deleted user leaves this meeting's active instance, if inside, with reason 'removed'.
-- Idempotent.
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 user id, 4 now (ms)
-- REPLY: {'OK', instance id | 0}
local uid, now = ARGV[3], ARGV[4]
local iid = active_instance(now)
if iid and remove_participant(iid, uid, now, 'removed') then return {'OK', tonumber(iid)} end
return {'OK', 0}
