-- apply: applies live rows, each replacing its instance's row unless an older one (by seq).
-- A row newer than the last one applied for its instance replaces it, or removes the instance once it is no
-- longer active; an older one is ignored. Each applied row's instance id also goes on the change stream,
-- numbered by the version it makes (the id only: a row can be large, and the stream keeps thousands), so that
-- a node keeping the view in memory reads only what changed since it last looked.
-- KEYS: 1 live base
-- ARGV: 1.. live rows (JSON with id, seq and status)
-- REPLY: {'OK', rows applied}
local applied = 0
for _, json in ipairs(ARGV) do
  local row = cjson.decode(json)
  local iid, seq = tostring(row['id']), tonumber(row['seq'])
  local known = tonumber(redis.call('HGET', base .. ':seq', iid) or '0')
  if seq > known then
    redis.call('HSET', base .. ':seq', iid, seq)
    if row['status'] == 'active' then
      redis.call('HSET', base .. ':active', iid, json)
    else
      redis.call('HDEL', base .. ':active', iid)
    end
    local version = redis.call('INCR', base .. ':version')
    redis.call('XADD', base .. ':changes', 'MAXLEN', '~', CHANGES_CAP, '*', 'v', version, 'id', iid)
    applied = applied + 1
  end
end
return {'OK', applied}
