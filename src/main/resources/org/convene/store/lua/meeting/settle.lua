-- The scheduler's transition: applies whatever is due for instance ARGV[3] at now = ARGV[4].
-- Returns {'OK', status, transition ('' if none), timed-out users, from, to, live row} or {'INVALID_INSTANCE'}.
local iid, now = ARGV[3], ARGV[4]
local status, transition, uids = settle(iid, now)
if not status then return {'INVALID_INSTANCE'} end
local h = redis.call('HMGET', ikey(iid), 'from', 'to')
return {'OK', status, transition or '', uids, h[1], h[2], live_row(iid)}
