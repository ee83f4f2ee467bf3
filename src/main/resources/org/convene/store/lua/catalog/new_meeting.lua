-- Allocates a meeting id and lists it; the meeting's own script then writes it. A listed id
-- whose meeting was never written is skipped by readers.
local mid = redis.call('INCR', base .. ':next:meeting')
redis.call('ZADD', base .. ':meetings', mid, mid)
return {'OK', mid}
