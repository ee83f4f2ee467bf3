-- snapshot: the whole view at once.
-- For a node that starts keeping it in memory or fell behind the change stream.
-- KEYS: 1 live base
-- ARGV: none
-- REPLY: {'OK', version, id of the last change ('0' if none), {instance id, row, ...}}
local last = redis.call('XREVRANGE', base .. ':changes', '+', '-', 'COUNT', 1)[1]
local lastId = '0'
if last then lastId = last[1] end
return {'OK', redis.call('GET', base .. ':version') or '0', lastId, redis.call('HGETALL', base .. ':active')}
