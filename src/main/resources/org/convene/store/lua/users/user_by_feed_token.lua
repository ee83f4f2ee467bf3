-- user_by_feed_token: the user whose calendar feed token has this SHA-256 hash.
-- {'NONE'} also for a deleted or suspended user. The caller compares the stored hash with its own in constant time.
-- KEYS: 1 users base
-- ARGV: 1 token hash
-- REPLY: {'OK', user id, stored hash} | {'NONE'}
local uid = redis.call('HGET', base .. ':feed-tokens', ARGV[1])
if not uid or redis.call('HGET', ukey(uid), 'deleted') == '1' or redis.call('HGET', ukey(uid), 'suspended') == '1' then
  return {'NONE'}
end
return {'OK', tonumber(uid), redis.call('HGET', ukey(uid), 'feedTokenHash') or ''}
