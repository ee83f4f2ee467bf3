-- Shared by every script, before its group's _lib.lua (Script.java puts both in front).

-- A stream entry's or hash's flat {field, value, ...} list as a table.
local function fields(flat)
  local f = {}
  for i = 1, #flat, 2 do f[flat[i]] = flat[i + 1] end
  return f
end

-- The XRANGE start just after stream id `after`, or the very start for '0'.
local function after_id(after)
  if after == '0' then return '-' end
  return '(' .. after
end

-- Entries a live feed keeps (about: trimmed with MAXLEN ~); older ones are in the logs.
local FEED_CAP = 10000
