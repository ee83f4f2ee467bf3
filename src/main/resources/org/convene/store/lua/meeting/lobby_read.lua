-- lobby_read: an occurrence's lobby as its hosts see it.
-- Who waits, since when, in order; the admissions not used yet; the seats. Read only: a wait or an admission past its time is left out (the next step lets it go).
-- KEYS: 1 meeting base, 2 events base
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 now (ms), 5 at most this many waiters
-- REPLY: {'OK', status, {user id, since (ms), name, ...} (waiting, in order), {user id, seat frees (ms), name, ...},
--      how many wait (lapsed ones included), capacity (0: none), inside} | {'INVALID_INSTANCE'}
local iid, now, limit = ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5])
local h = redis.call('HMGET', ikey(iid), 'status', 'to')
if not h[1] then return {'INVALID_INSTANCE'} end
local status = h[1]
if status ~= 'ended' and now >= tonumber(h[2]) then status = 'ended' end
local waiting, admitted = {}, {}
local lease = ikey(iid) .. ':lobby:lease'
for _, uid in ipairs(redis.call('ZRANGE', ikey(iid) .. ':lobby', 0, limit - 1)) do
  if tonumber(redis.call('ZSCORE', lease, uid) or '0') > now then
    local _, since, name = lobby_state(iid, uid)
    waiting[#waiting + 1] = uid
    waiting[#waiting + 1] = since
    waiting[#waiting + 1] = name or ''
  end
end
local seats = redis.call('ZRANGEBYSCORE', ikey(iid) .. ':admitted', '(' .. now, '+inf', 'WITHSCORES')
for i = 1, #seats, 2 do
  local _, _, name = lobby_state(iid, seats[i])
  admitted[#admitted + 1] = seats[i]
  admitted[#admitted + 1] = seats[i + 1]
  admitted[#admitted + 1] = name or ''
end
return {'OK', status, waiting, admitted, redis.call('ZCARD', ikey(iid) .. ':lobby'),
  tonumber(redis.call('HGET', base .. ':meeting', 'capacity') or '0'), redis.call('HLEN', ikey(iid) .. ':participants')}
