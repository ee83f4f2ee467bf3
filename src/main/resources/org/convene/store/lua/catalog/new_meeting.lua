-- new_meeting: allocates a meeting id and lists it; the meeting's own script then writes it.
-- A listed id whose meeting was never written is skipped by readers.
-- KEYS: 1 catalog base
-- ARGV: none
-- REPLY: {'OK', meeting id}
local mid = redis.call('INCR', base .. ':next:meeting')
redis.call('ZADD', base .. ':meetings', mid, mid)
return {'OK', mid}
