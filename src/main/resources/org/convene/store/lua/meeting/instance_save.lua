-- instance_save: creates an instance, moves it, or checks a move, refusing a window that overlaps another.
-- 'check' validates a move and writes nothing but what the clock makes due. A started instance may only
-- change its end, an ended one nothing. A create may make the occurrence of a series that starts at a
-- recurrence id: one that exists already (another scheduler made it) is answered 'EXISTS', changing nothing.
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 meeting id, 5 mode ('create', 'update' or 'check'), 6 from (ms),
--      7 to (ms), 8 now (ms), 9 series id ('' or absent: none), 10 recurrence id (original start, ms), 11 actor kind
--      (root, user; '' or absent: the scheduler, not recorded), 12 actor id, 13 actor role, 14 request id
-- REPLY: {'OK', instance hash (flat), reminder (minutes, 0 none)} | {'OK'} (check)
--      | {'INVALID_MEETING'} | {'INVALID_SERIES'} | {'EXISTS', instance id} | {'OCCURRENCE_CANCELLED', recurrence id}
--      | {'INVALID_INSTANCE'} | {'INSTANCE_ENDED', instance id} | {'INSTANCE_STARTED', instance id}
--      | {'INVALID_INPUT', message} | {'OVERLAP', instance id}
local iid, mid, mode, from, to, now, sid, rid = ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9] or '', ARGV[10]
if redis.call('EXISTS', base .. ':meeting') == 0 then return {'INVALID_MEETING'} end
if sid ~= '' then
  if redis.call('EXISTS', base .. ':series:' .. sid) == 0 then return {'INVALID_SERIES'} end
  local made = redis.call('HGET', base .. ':series:' .. sid .. ':occurrences', rid)
  if made then return {'EXISTS', made} end
  if redis.call('SISMEMBER', base .. ':series:' .. sid .. ':cancelled', rid) == 1 then return {'OCCURRENCE_CANCELLED', rid} end
end
if mode ~= 'create' then
  local status = settle(iid, now)
  if not status then return {'INVALID_INSTANCE'} end
  if status == 'ended' then return {'INSTANCE_ENDED', iid} end
  if status == 'active' and redis.call('HGET', ikey(iid), 'from') ~= from then return {'INSTANCE_STARTED', iid} end
end
if tonumber(to) <= tonumber(now) then return {'INVALID_INPUT', 'the end (to) must be in the future'} end
local other = overlapping(from, to, iid)
if other then return {'OVERLAP', other} end
if mode == 'check' then return {'OK'} end
if mode == 'create' then
  local order = redis.call('HINCRBY', base .. ':meeting', 'instanceCount', 1)
  local m = redis.call('HMGET', base .. ':meeting', 'version', 'chatMode')
  redis.call('HSET', ikey(iid), 'id', iid, 'meetingId', mid, 'orderId', order,
      'status', 'scheduled', 'events', 0, 'messages', 0, 'meetingVersion', m[1])
  -- The chat mode is the meeting's; a post reads it from its instance (see meeting_options.lua).
  if m[2] then redis.call('HSET', ikey(iid), 'chatMode', m[2]) end
end
if mode == 'create' and sid ~= '' then
  redis.call('HSET', ikey(iid), 'seriesId', sid, 'recurrenceId', rid)
  redis.call('HSET', base .. ':series:' .. sid .. ':occurrences', rid, iid)
end
local old_from, old_to = redis.call('HGET', ikey(iid), 'from'), redis.call('HGET', ikey(iid), 'to')
local moved_series = mode == 'update' and redis.call('HGET', ikey(iid), 'seriesId')
if moved_series and redis.call('EXISTS', base .. ':series:' .. moved_series) == 1 then
  redis.call('HINCRBY', base .. ':series:' .. moved_series, 'sequence', 1)
end
redis.call('HSET', ikey(iid), 'from', from, 'to', to)
redis.call('ZADD', base .. ':instances', from, iid)
if KEYS[3] then
  outbox(iid, mode == 'create' and 'instance.scheduled' or 'instance.rescheduled', now, 'from', from, 'to', to,
      'order', redis.call('HGET', ikey(iid), 'orderId'))
end
settle(iid, now)
-- A change by hand is recorded with it; the scheduler's occurrences of a series are the series' own doing.
if (ARGV[11] or '') ~= '' then
  audit(base, now, mode == 'create' and 'instance_scheduled' or 'instance_moved',
      {kind = ARGV[11], id = ARGV[12], role = ARGV[13]}, 'instance:' .. iid,
      mode == 'create' and '' or (old_from .. '..' .. (old_to or '')), from .. '..' .. to, ARGV[14], 'instance', iid)
end
-- An instance that starts at another time is reminded of again at its new time.
if mode == 'update' and old_from ~= from then redis.call('HDEL', ikey(iid), 'reminded') end
return {'OK', redis.call('HGETALL', ikey(iid)), tonumber(redis.call('HGET', base .. ':meeting', 'reminder') or '0')}
