-- {'OK', earliest due time in ms} among starts and ends, or {'NONE'} when nothing is scheduled.
local s = redis.call('ZRANGE', base .. ':starts', 0, 0, 'WITHSCORES')
local e = redis.call('ZRANGE', base .. ':ends', 0, 0, 'WITHSCORES')
local best = false
if s[2] then best = tonumber(s[2]) end
if e[2] and (not best or tonumber(e[2]) < best) then best = tonumber(e[2]) end
if not best then return {'NONE'} end
return {'OK', best}
