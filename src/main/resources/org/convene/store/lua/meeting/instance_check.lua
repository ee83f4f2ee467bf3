-- instance_check: whether a new instance of this meeting on a window could be created now.
-- So that a refused create allocates nothing; instance_save checks again.
-- KEYS: 1 meeting base, 2 events base
-- ARGV: 1 data db, 2 events db, 3 from (ms), 4 to (ms), 5 now (ms)
-- REPLY: {'OK'} | {'INVALID_MEETING'} | {'INVALID_INPUT', message} | {'OVERLAP', instance id}
local from, to, now = ARGV[3], ARGV[4], ARGV[5]
if redis.call('EXISTS', base .. ':meeting') == 0 then return {'INVALID_MEETING'} end
if tonumber(to) <= tonumber(now) then return {'INVALID_INPUT', 'the end (to) must be in the future'} end
local other = overlapping(from, to, '')
if other then return {'OVERLAP', other} end
return {'OK'}
