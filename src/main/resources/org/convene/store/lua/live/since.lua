-- What changed since stream id ARGV[1], at most ARGV[2] changes: {'OK', version, changes as a flat
-- stream id, v, instance id list, the current rows of the instances changed as a flat id, row list
-- (false: no longer active)}. One call, so that a node catches up in one round trip.
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
