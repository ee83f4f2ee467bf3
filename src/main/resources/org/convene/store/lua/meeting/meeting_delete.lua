-- Deletes meeting ARGV[3] if it has no instances left (their history must not dangle), with its series
-- (which then have no occurrences; the catalog's top-up hint for them is dropped when next due).
if redis.call('EXISTS', base .. ':meeting') == 0 then return {'INVALID_MEETING'} end
if redis.call('ZCARD', base .. ':instances') > 0 then return {'MEETING_HAS_INSTANCES', ARGV[3]} end
for _, sid in ipairs(redis.call('SMEMBERS', base .. ':series')) do
  redis.call('DEL', base .. ':series:' .. sid, base .. ':series:' .. sid .. ':occurrences',
      base .. ':series:' .. sid .. ':cancelled')
end
redis.call('DEL', base .. ':meeting', base .. ':audience', base .. ':instances', base .. ':series')
return {'OK'}
