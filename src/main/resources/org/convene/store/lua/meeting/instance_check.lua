-- Whether a new instance of this meeting on [ARGV[3], ARGV[4]) could be created at now = ARGV[5]:
-- {'OK'} or the refusal, so that a refused create allocates nothing. instance_save checks again.
local from, to, now = ARGV[3], ARGV[4], ARGV[5]
if redis.call('EXISTS', base .. ':meeting') == 0 then return {'INVALID_MEETING'} end
if tonumber(to) <= tonumber(now) then return {'INVALID_INPUT', 'to must be in the future'} end
local other = overlapping(from, to, '')
if other then return {'OVERLAP', other} end
return {'OK'}
