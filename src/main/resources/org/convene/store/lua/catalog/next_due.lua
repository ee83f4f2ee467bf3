-- {'OK', earliest due time in ms} among starts, ends, reapings and reminders, or {'NONE'} when nothing is due.
local best = false
for _, index in ipairs({':starts', ':ends', ':reaps', ':reminders'}) do
  local first = redis.call('ZRANGE', base .. index, 0, 0, 'WITHSCORES')
  if first[2] and (not best or tonumber(first[2]) < best) then best = tonumber(first[2]) end
end
if not best then return {'NONE'} end
return {'OK', best}
