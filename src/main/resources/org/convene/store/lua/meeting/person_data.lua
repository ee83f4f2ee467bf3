-- person_data: what one meeting holds about one user, for their export.
-- Their messages in each instance they attended (from their own index), and whether they own it, co-host it or are
-- banned from it.
-- KEYS: 1 meeting base, 2 events base
-- ARGV: 1 data db, 2 events db, 3 user id
-- REPLY: {'OK', owner (1/0), co-host (1/0), ban ('<until ms>|<reason>' or ''), {{instance id, n, text, at}, ...}}
local uid = ARGV[3]
local m = redis.call('HMGET', base .. ':meeting', 'owner', 'cohosts', 'ban:' .. uid)
local messages = {}
for _, iid in ipairs(redis.call('ZRANGE', base .. ':attended:' .. uid, 0, -1)) do
  for _, n in ipairs(redis.call('ZRANGE', ikey(iid) .. ':chat:user:' .. uid, 0, -1)) do
    local msg = message(iid, n)
    if msg then messages[#messages + 1] = {iid, n, msg.text, msg.at} end
  end
end
return {'OK', m[1] == uid and 1 or 0, is_cohost(m[2], uid) and 1 or 0, m[3] or '', messages}
