-- Takes one from allowance ARGV[1] of ARGV[2] a minute at now = ARGV[3] (ms): a token bucket (a burst of
-- ARGV[2], refilled continuously) kept in <base>:allowance:<ARGV[1]> (tokens, at), so that every node
-- counts against the same one. Forgotten two minutes after its last use, when it would be full again.
-- {'OK', 0} when there was one, {'OK', seconds until there is one} when not.
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
