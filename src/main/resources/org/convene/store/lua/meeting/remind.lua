-- The "starting soon" notice of instance ARGV[3] at now = ARGV[4], once: it goes to the instance's feed
-- (its live stream) and the webhook outbox, and the instance remembers it was sent, so that however many
-- schedulers try, one sends it. {'OK', 1, from, to} when this call sent it; {'OK', 0} when it was sent
-- before, the instance has started or is gone, or the meeting no longer asks for it; {'LATER', when (ms)}
-- when the meeting's reminder was changed to later than the hint said.
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
