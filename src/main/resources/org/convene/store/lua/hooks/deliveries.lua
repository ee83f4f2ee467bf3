-- deliveries: a page of an endpoint's delivery log, newest first.
-- Up to `limit` deliveries older than `before` whose status is `status`, looking at no more than `budget`
-- entries; with `since`, it stops at deliveries made before that time.
-- KEYS: 1 hooks base
-- ARGV: 1 endpoint id, 2 before (delivery id, '' from the newest), 3 limit, 4 status ('' any), 5 budget,
--      6 since (ms, '' none)
-- REPLY: {'OK', delivery hash (flat, with its message's type)...} | {'NOT_FOUND'}
local eid, before, limit, status, budget, since = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4], tonumber(ARGV[5]), ARGV[6]
if redis.call('EXISTS', ekey(eid)) == 0 then return {'NOT_FOUND'} end
local log = ekey(eid) .. ':log'
local start = 0
if before ~= '' then
  local rank = redis.call('ZREVRANK', log, padded(before))
  if not rank then return {'OK'} end
  start = rank + 1
end
local out = {'OK'}
local ids = redis.call('ZREVRANGE', log, start, start + budget - 1, 'WITHSCORES')
for i = 1, #ids, 2 do
  if since ~= '' and tonumber(ids[i + 1]) < tonumber(since) then break end
  local h = redis.call('HGETALL', dkey(tonumber(ids[i])))
  if #h > 0 then
    local f = fields(h)
    if status == '' or f['status'] == status then
      h[#h + 1] = 'type'
      h[#h + 1] = f['msg'] and redis.call('HGET', base .. ':msg:' .. f['msg'], 'type') or ''
      out[#out + 1] = h
      if #out > limit then break end
    end
  end
end
return out
