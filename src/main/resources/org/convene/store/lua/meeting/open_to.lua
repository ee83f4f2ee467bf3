-- Whether instance ARGV[3]'s meeting is open to e-mail ARGV[4]: public, or the e-mail in its audience.
-- {'OK', 1|0} or {'INVALID_INSTANCE'}. The access rule built on this fact is core.Access's.
if redis.call('EXISTS', ikey(ARGV[3])) == 0 then return {'INVALID_INSTANCE'} end
if redis.call('HGET', base .. ':meeting', 'public') == '1' then return {'OK', 1} end
return {'OK', redis.call('SISMEMBER', base .. ':audience', ARGV[4])}
