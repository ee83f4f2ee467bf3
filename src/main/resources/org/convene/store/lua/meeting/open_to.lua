-- open_to: whether an instance is open to a user.
-- Its meeting is public, or their e-mail is in its audience, or a host let them in from this instance's lobby (admitted, or come in that way). The access rule built on this fact is
-- core.Access's.
-- KEYS: 1 meeting base, 2 events base
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 e-mail, 5 user id (0: none)
-- REPLY: {'OK', 1 | 0} | {'INVALID_INSTANCE'}
if redis.call('EXISTS', ikey(ARGV[3])) == 0 then return {'INVALID_INSTANCE'} end
if redis.call('HGET', base .. ':meeting', 'public') == '1' then return {'OK', 1} end
if redis.call('SISMEMBER', base .. ':audience', ARGV[4]) == 1 then return {'OK', 1} end
local state = lobby_state(ARGV[3], ARGV[5])
return {'OK', (state == 'a' or state == 'j') and 1 or 0}
