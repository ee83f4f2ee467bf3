-- since: what changed since a change stream id, with the current rows of the instances changed.
-- One call, so that a node catches up in one round trip.
-- KEYS: 1 live base
-- ARGV: 1 after (change stream id), 2 limit
-- REPLY: {'OK', version, {stream id, v, instance id, ...}, {instance id, row | false (no longer active), ...}}
local entries = redis.call('XRANGE', base .. ':changes', '(' .. ARGV[1], '+', 'COUNT', tonumber(ARGV[2]))
local changes, ids, seen = {}, {}, {}
for _, entry in ipairs(entries) do
  local f = fields(entry[2])
  changes[#changes + 1] = entry[1]
  changes[#changes + 1] = f['v']
  changes[#changes + 1] = f['id']
  if not seen[f['id']] then
    seen[f['id']] = true
    ids[#ids + 1] = f['id']
  end
end
local rows = {}
if #ids > 0 then
  local current = redis.call('HMGET', base .. ':active', unpack(ids))
  for i, iid in ipairs(ids) do
    rows[#rows + 1] = iid
    rows[#rows + 1] = current[i] or false
  end
end
return {'OK', redis.call('GET', base .. ':version') or '0', changes, rows}
