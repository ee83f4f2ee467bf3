-- The live row of instance ARGV[3] at now = ARGV[4], with what the clock makes due applied first:
-- for the repair pass that rebuilds the {live} projection from the meetings. {'OK', live row} or
-- {'INVALID_INSTANCE'}.
local iid, now = ARGV[3], ARGV[4]
if not settle(iid, now) then return {'INVALID_INSTANCE'} end
return {'OK', live_row(iid)}
