-- The user whose calendar feed token has SHA-256 hash ARGV[1]: {'OK', user id, stored hash} or {'NONE'}
-- (also for a deleted user).
local uid = redis.call('HGET', base .. ':feed-tokens', ARGV[1])
if not uid or redis.call('HGET', ukey(uid), 'deleted') == '1' then return {'NONE'} end
return {'OK', tonumber(uid), redis.call('HGET', ukey(uid), 'feedTokenHash') or ''}
