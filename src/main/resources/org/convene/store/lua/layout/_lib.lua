-- Shared by the data layout's scripts. Script.java prepends this file (after _common.lua). What version of the
-- data layout this Redis holds, and who is bringing it up to date, under one hash tag of their own:
--   KEYS[1] = convene:{layout}
--   <base>:version        string  the layout the data is in (absent: written before layouts were versioned, or empty)
--   <base>:lock           string  the token of the node running the migration steps (expires unless renewed)
--   <base>:done           set     names of the steps finished (a step interrupted runs again, from its cursor)
--   <base>:cursor:<step>  string  how far an interrupted step got
local base = KEYS[1]
