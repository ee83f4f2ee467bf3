-- The administrator's token hash: with ARGV[1] = 'get' returns it; 'init' stores ARGV[2] only if
-- there is none yet; 'replace' stores ARGV[2]. Returns {'OK', hash in force} or {'NONE'}.
local key = base .. ':admin-token'
if ARGV[1] == 'init' then redis.call('SET', key, ARGV[2], 'NX')
elseif ARGV[1] == 'replace' then redis.call('SET', key, ARGV[2]) end
local hash = redis.call('GET', key)
if not hash then return {'NONE'} end
return {'OK', hash}
