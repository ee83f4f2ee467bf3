-- new_instance: allocates an instance id for a meeting and records its due times before the instance exists.
-- A crash before the instance is written leaves only hints that the scheduler drops, never an instance the
-- scheduler does not know.
-- KEYS: 1 catalog base
-- ARGV: 1 meeting id, 2 from (ms), 3 to (ms)
-- REPLY: {'OK', instance id}
local iid = redis.call('INCR', base .. ':next:instance')
redis.call('HSET', base .. ':instance-meeting', iid, ARGV[1])
redis.call('ZADD', base .. ':starts', ARGV[2], iid)
redis.call('ZADD', base .. ':ends', ARGV[3], iid)
return {'OK', iid}
