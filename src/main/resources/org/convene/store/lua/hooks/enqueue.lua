-- enqueue: turns outbox messages into deliveries, one per endpoint that wants the message's type.
-- A message already queued (a drain repeated after a crash) is skipped: its id is its identity. A message
-- no endpoint wants is not kept. The audit trail's events (audit.*) go only to endpoints that name them: "*" means
-- every event of meetings, not a record of every privileged action.
-- KEYS: 1 hooks base
-- ARGV: 1 now (ms), 2 retention (ms), 3.. {message id, type, instance id, meeting id, payload (JSON)}
-- REPLY: {'OK', deliveries made}
local now, keep = ARGV[1], tonumber(ARGV[2])
local endpoints = {}
for _, eid in ipairs(redis.call('SMEMBERS', base .. ':endpoints')) do
  local events = redis.call('HGET', ekey(eid), 'events')
  if events then endpoints[#endpoints + 1] = {id = eid, events = ',' .. events .. ','} end
end
table.sort(endpoints, function(a, b) return tonumber(a.id) < tonumber(b.id) end)
local made = 0
for i = 3, #ARGV, 5 do
  local msg, kind, iid, mid, payload = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4]
  local mkey = base .. ':msg:' .. msg
  if redis.call('EXISTS', mkey) == 0 then
    local stored = false
    for _, e in ipairs(endpoints) do
      if (e.events:find(',*,', 1, true) and string.sub(kind, 1, 6) ~= 'audit.') or e.events:find(',' .. kind .. ',', 1, true) then
        if not stored then
          redis.call('HSET', mkey, 'type', kind, 'instance', iid, 'meeting', mid, 'at', now, 'payload', payload)
          redis.call('PEXPIRE', mkey, keep)
          stored = true
        end
        new_delivery(e.id, msg, iid, now, keep)
        made = made + 1
      end
    end
  end
end
return {'OK', made}
