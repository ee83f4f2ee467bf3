-- Reads one instance with its meeting, and its participants when ARGV[4] is '1'. ARGV[3] = instance.
-- Read-only: the caller works out the status at its own clock.
local iid, with_participants = ARGV[3], ARGV[4]
local instance = redis.call('HGETALL', ikey(iid))
if #instance == 0 then return {'INVALID_INSTANCE'} end
local participants = {}
if with_participants == '1' then participants = redis.call('HGETALL', ikey(iid) .. ':participants') end
return {'OK', instance, redis.call('HGETALL', base .. ':meeting'), redis.call('SMEMBERS', base .. ':audience'), participants}
