-- Whether instance ARGV[3]'s meeting admits e-mail ARGV[4]: {'OK', 1|0} or {'INVALID_INSTANCE'}.
-- For read access: a public meeting admits everyone, a private one its audience.
if redis.call('EXISTS', ikey(ARGV[3])) == 0 then return {'INVALID_INSTANCE'} end
if redis.call('HGET', base .. ':meeting', 'public') == '1' then return {'OK', 1} end
return {'OK', redis.call('SISMEMBER', base .. ':audience', ARGV[4])}
