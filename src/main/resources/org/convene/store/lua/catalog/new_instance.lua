-- Allocates an instance id for meeting ARGV[1] with window [ARGV[2], ARGV[3]) and records its due
-- times before the instance exists: a crash before the instance is written leaves only hints that
-- the scheduler drops, never an instance the scheduler does not know.
local iid = redis.call('INCR', base .. ':next:instance')
redis.call('HSET', base .. ':instance-meeting', iid, ARGV[1])
redis.call('ZADD', base .. ':starts', ARGV[2], iid)
redis.call('ZADD', base .. ':ends', ARGV[3], iid)
return {'OK', iid}
