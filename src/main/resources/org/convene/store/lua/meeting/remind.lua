-- remind: sends an instance's "starting soon" notice, once, to its feed and the webhook outbox.
-- The instance remembers it was sent, so that however many schedulers try, one sends it. {'OK', 0}: sent
-- before, the instance has started or is gone, or the meeting no longer asks for it; {'LATER', due}: the
-- meeting's reminder was changed to later than the hint said.
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 now (ms)
-- REPLY: {'OK', 1, from (ms), to (ms)} | {'OK', 0} | {'LATER', due (ms)}
local iid, now = ARGV[3], ARGV[4]
local status = settle(iid, now)
if status ~= 'scheduled' then return {'OK', 0} end
local minutes = tonumber(redis.call('HGET', base .. ':meeting', 'reminder') or '0')
if minutes <= 0 then return {'OK', 0} end
local h = redis.call('HMGET', ikey(iid), 'from', 'to')
local due = tonumber(h[1]) - minutes * 60000
if tonumber(now) < due then return {'LATER', due} end
if redis.call('HSETNX', ikey(iid), 'reminded', now) == 0 then return {'OK', 0} end
feed(iid, 'reminder', 0, 0, now)
outbox(iid, 'instance.starting_soon', now, 'from', h[1], 'to', h[2])
return {'OK', 1, h[1], h[2]}
