-- since: which instances changed since a change stream id, and where the stream now starts.
-- A node keeping the view in memory reads the changed instances' rows from their meetings next; one whose
-- position is older than the stream's first entry may have missed changes trimmed away, and reads it whole.
-- KEYS: 1 live base
-- ARGV: 1 after (change stream id), 2 limit
-- REPLY: {'OK', first entry id | false, {stream id, instance id, ...}}
local first = redis.call('XRANGE', base .. ':changes', '-', '+', 'COUNT', 1)[1]
local entries = redis.call('XRANGE', base .. ':changes', after_id(ARGV[1]), '+', 'COUNT', tonumber(ARGV[2]))
local changes = {}
for _, entry in ipairs(entries) do
  changes[#changes + 1] = entry[1]
  changes[#changes + 1] = fields(entry[2])['id']
end
return {'OK', first and first[1] or false, changes}
