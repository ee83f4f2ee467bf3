-- allowance: takes one from a token bucket every node shares, or says how long until there is one.
-- A burst of `per minute`, refilled continuously, kept in <base>:allowance:<key> (tokens, at), so that every
-- node counts against the same one. Forgotten two minutes after its last use, when it would be full again.
-- KEYS: 1 users base
-- ARGV: 1 key (chat:<uid>: a user's chat allowance), 2 per minute, 3 now (ms)
-- REPLY: {'OK', 0 (taken) | seconds until there is one}
local key = base .. ':allowance:' .. ARGV[1]
local per, now = tonumber(ARGV[2]), tonumber(ARGV[3])
local b = redis.call('HMGET', key, 'tokens', 'at')
local tokens, at = tonumber(b[1] or per), tonumber(b[2] or now)
tokens = math.min(per, tokens + math.max(0, now - at) * per / 60000)
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
else
  wait = math.max(1, math.ceil((1 - tokens) * 60 / per))
end
redis.call('HSET', key, 'tokens', tostring(tokens), 'at', string.format('%d', math.max(at, now)))
redis.call('PEXPIRE', key, 120000)
return {'OK', wait}
