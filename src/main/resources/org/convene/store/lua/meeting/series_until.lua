-- series_until: records that a series has its occurrences made up to the one at a start (never back).
-- KEYS: 1 meeting base, 2 events base
-- ARGV: 1 data db, 2 events db, 3 series id, 4 until (original start of the last occurrence made, ms)
-- REPLY: {'OK'} | {'INVALID_SERIES'}
local key = base .. ':series:' .. ARGV[3]
if redis.call('EXISTS', key) == 0 then return {'INVALID_SERIES'} end
if tonumber(ARGV[4]) > tonumber(redis.call('HGET', key, 'until')) then redis.call('HSET', key, 'until', ARGV[4]) end
return {'OK'}
