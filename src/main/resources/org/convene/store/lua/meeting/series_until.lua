-- Records that series ARGV[3] has its occurrences made up to the one starting ARGV[4] (ms; never back).
-- {'OK'} or {'INVALID_SERIES'}.
local key = base .. ':series:' .. ARGV[3]
if redis.call('EXISTS', key) == 0 then return {'INVALID_SERIES'} end
if tonumber(ARGV[4]) > tonumber(redis.call('HGET', key, 'until')) then redis.call('HSET', key, 'until', ARGV[4]) end
return {'OK'}
