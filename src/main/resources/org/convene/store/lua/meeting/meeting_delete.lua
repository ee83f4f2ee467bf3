-- Deletes meeting ARGV[3] if it has no instances left (their history must not dangle).
if redis.call('EXISTS', base .. ':meeting') == 0 then return {'INVALID_MEETING'} end
if redis.call('ZCARD', base .. ':instances') > 0 then return {'MEETING_HAS_INSTANCES', ARGV[3]} end
redis.call('DEL', base .. ':meeting', base .. ':audience', base .. ':instances')
return {'OK'}
