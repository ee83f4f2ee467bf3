-- open_to: whether an instance's meeting is open to an e-mail: public, or the e-mail in its audience.
-- The access rule built on this fact is core.Access's.
-- KEYS: 1 meeting base, 2 events base
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 e-mail
-- REPLY: {'OK', 1 | 0} | {'INVALID_INSTANCE'}
if redis.call('EXISTS', ikey(ARGV[3])) == 0 then return {'INVALID_INSTANCE'} end
if redis.call('HGET', base .. ':meeting', 'public') == '1' then return {'OK', 1} end
return {'OK', redis.call('SISMEMBER', base .. ':audience', ARGV[4])}
