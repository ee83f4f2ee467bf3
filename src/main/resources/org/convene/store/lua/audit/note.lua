-- note: records what was seen rather than changed in a chain, at most once per `once` key within its time.
-- A refused attempt is sampled (one a minute), a read of someone else's data recorded once a day.
-- KEYS: 1 the chain's base
-- ARGV: 1 action, 2 outcome (ok, refused), 3 actor kind, 4 actor id, 5 actor role, 6 target, 7 now (ms),
--      8 request id ('' none), 9 once key ('' every time), 10 once for (ms), 11.. {field, value}
-- REPLY: {'OK', 1 recorded | 0 already within its time}
if ARGV[9] ~= '' then
  local taken = redis.call('SET', base .. ':audit:once:' .. ARGV[9], '1', 'NX', 'PX', ARGV[10])
  if not taken then return {'OK', 0} end
end
local extra = {}
for i = 11, #ARGV, 2 do
  extra[#extra + 1] = ARGV[i]
  extra[#extra + 1] = ARGV[i + 1]
end
audit_as(ARGV[2], base, ARGV[7], ARGV[1], {kind = ARGV[3], id = ARGV[4], role = ARGV[5]}, ARGV[6], '', '', ARGV[8],
    unpack(extra))
return {'OK', 1}
