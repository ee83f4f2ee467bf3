-- next_due: the earliest due time among starts, ends, reapings and reminders.
-- KEYS: 1 catalog base
-- ARGV: none
-- REPLY: {'OK', earliest due time (ms)} | {'NONE'}
local best = false
for _, index in ipairs({':starts', ':ends', ':reaps', ':reminders'}) do
  local first = redis.call('ZRANGE', base .. index, 0, 0, 'WITHSCORES')
  if first[2] and (not best or tonumber(first[2]) < best) then best = tonumber(first[2]) end
end
if not best then return {'NONE'} end
return {'OK', best}
