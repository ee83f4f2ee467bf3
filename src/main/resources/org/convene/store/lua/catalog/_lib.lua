-- Shared by the catalog scripts. Script.java prepends this file (after _common.lua). The catalog holds what spans
-- meetings, under one hash tag:
--   KEYS[1] = convene:{catalog}
--   <base>:next:meeting, <base>:next:instance   id counters
--   <base>:meetings          zset  meeting id by id (for paging)
--   <base>:instance-meeting  hash  instance id -> meeting id (never changes, so clients cache it)
--   <base>:starts            zset  instance id by `from`, while scheduled   } the scheduler's due times:
--   <base>:ends              zset  instance id by `to`, until ended          } hints, the instance
--   <base>:active            zset  instance id by `to`, once activated       } hash is the truth
--   <base>:reaps             zset  instance id by when its first participant is due to be reaped (a hint written
--                                  by store/Attendance and store/Transitions; the settle tells the truth)
--   <base>:unknown           hash  instance id -> when a settle first found it missing (looked at again for a minute)
--   <base>:stage             hash  instance id -> furthest stage its hints reported (1 scheduled, 2 active,
--                                  3 ended, 4 deleted): late hints of an earlier stage are ignored
--   <base>:reminders         zset  instance id by when its "starting soon" notice is due (a hint: the instance's
--                                  reminded field makes each notice once)
--   <base>:feed              stream  lifecycle of every instance: kind instance meeting from to (capped)
local base = KEYS[1]

