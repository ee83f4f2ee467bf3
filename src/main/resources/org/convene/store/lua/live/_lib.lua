-- Shared by the scripts of the {live} slot. Script.java prepends this file (after _common.lua). What tells the
-- nodes which instances changed, so that each keeps the active instances and the join times in memory and reads again only those:
--   KEYS[1] = convene:{live}
--   <base>:changes   stream   an instance id per change of its status, window, meeting or participants (capped);
--                             written by the node that made the change, right behind it, not awaited
--   <base>:posted    stream   an instance id per chat message (capped): with :changes, what wakes live streams
-- The rows themselves are read from the meetings, which hold the truth; a change whose word was lost (a
-- process that died between the two writes) is read at the node's next whole read, a minute at most.
-- Written by layout 1 and no longer read: <base>:active, <base>:seq, <base>:version (layout 2 deletes them).
local base = KEYS[1]
