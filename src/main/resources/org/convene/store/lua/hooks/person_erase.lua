-- person_erase: takes an erased user's name and texts out of the webhook messages still waiting to be delivered.
-- Their deliveries are not dropped but redacted: a receiver still gets every event of an instance, in order and
-- numbered without gaps, with the text '[removed]' and the name given. Delivered and failed ones are kept only
-- until the retention and are left alone. Idempotent.
-- KEYS: 1 hooks base
-- ARGV: 1 user id, 2 the name they now bear, 3 what their texts become, 4.. instance ids they were in
-- REPLY: {'OK', messages redacted}
local uid, name, removed = tonumber(ARGV[1]), ARGV[2], ARGV[3]
local redacted = 0
for _, eid in ipairs(redis.call('SMEMBERS', base .. ':endpoints')) do
  for i = 4, #ARGV do
    for _, did in ipairs(redis.call('LRANGE', lkey(eid .. ':' .. ARGV[i]), 0, -1)) do
      local msg = redis.call('HGET', dkey(did), 'msg')
      local payload = msg and redis.call('HGET', base .. ':msg:' .. msg, 'payload')
      if payload then
        local ok, event = pcall(cjson.decode, payload)
        local data = ok and type(event) == 'table' and event.data
        if type(data) == 'table' and data.userId == uid
            and ((data.text and data.text ~= removed) or (data.name and data.name ~= name)) then
          if data.text then data.text = removed end
          if data.name then data.name = name end
          redis.call('HSET', base .. ':msg:' .. msg, 'payload', cjson.encode(event))
          redacted = redacted + 1
        end
      end
    end
  end
end
return {'OK', redacted}
