-- Shared by the scripts of the {live} projection. Script.java prepends this file (after _common.lua).
-- What functions 4 and 8 show, kept up to date as things happen, in a slot of its own:
--   KEYS[1] = convene:{live}
--   <base>:active    hash  instance id -> its live row (JSON written by meeting/_lib.lua live_row), while active
--   <base>:seq       hash  instance id -> the seq of the last row applied (kept after the end, so that a
--                          row arriving late cannot bring an ended instance back)
--   <base>:version   counter  bumped with every change of <base>:active
--   <base>:changes   stream   each change: v (the version it made), id; capped
-- A projection of the meetings, which hold the truth: rows are idempotent to apply again, and the
-- repair pass (LiveView.repair) rebuilds it.
local base = KEYS[1]
-- Changes the stream keeps: a node further behind than this reads the whole view again.
local CHANGES_CAP = 10000
