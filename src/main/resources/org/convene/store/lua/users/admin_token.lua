-- admin_token: reads the administrator's token hash, stores it if there is none yet, or replaces it.
-- 'get' only reads; 'init' stores the hash only if there is none yet; 'replace' stores it.
-- KEYS: 1 users base
-- ARGV: 1 action ('get', 'init' or 'replace'), 2 hash (for 'init' and 'replace')
-- REPLY: {'OK', hash in force} | {'NONE'}
local key = base .. ':admin-token'
if ARGV[1] == 'init' then redis.call('SET', key, ARGV[2], 'NX')
elseif ARGV[1] == 'replace' then redis.call('SET', key, ARGV[2]) end
local hash = redis.call('GET', key)
if not hash then return {'NONE'} end
return {'OK', hash}
