-- guest_link: a host makes or revokes a guest link for an occurrence, or the link is checked as someone opens it.
-- A link is `<instance>.<id>.<secret>`; only the SHA-256 of its secret is kept, in the instance's hash of links
-- (`<base>:instance:<iid>:guest-links`: id -> '<hash>|<made ms>|<by>|<revoked ms or empty>'). Making and revoking
-- are hosts' actions (an administrator, the owner or a co-host, checked here), each with its audit record; a link
-- opens only while its instance has not ended and it is not revoked. Whoever opens it becomes a guest of that one
-- instance (users/guest_create.lua), who waits in its lobby unless the meeting's lobby is off.
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 'make' | 'revoke' | 'check' | 'list', 5 link id (revoke, check) or
--      the secret's hash (make), 6 actor kind, 7 actor id, 8 actor role, 9 now (ms), 10 request id, 11 the secret's
--      hash (check)
-- REPLY: {'OK', the link's id (make) | 1 if this call revoked it else 0 (revoke) | 1 (check) | the links as one flat
--      list of id; made; by; revoked or '' (list)} | {'INVALID_INSTANCE'} | {'INSTANCE_ENDED', iid} | {'FORBIDDEN', why}
--      | {'INVALID_GUEST_LINK'}
local iid, verb, arg, now, requestId = ARGV[3], ARGV[4], ARGV[5], ARGV[9], ARGV[10]
local status = settle(iid, now)
if not status then return {'INVALID_INSTANCE'} end
local links = ikey(iid) .. ':guest-links'
if verb == 'check' then
  local link = redis.call('HGET', links, arg)
  if not link or status == 'ended' then return {'INVALID_GUEST_LINK'} end
  local hash, _, _, revoked = string.match(link, '^(%x+)|(%d+)|([^|]*)|(%d*)$')
  if hash ~= ARGV[11] or revoked ~= '' then return {'INVALID_GUEST_LINK'} end
  return {'OK', 1}
end
local m = redis.call('HMGET', base .. ':meeting', 'owner', 'cohosts')
local actor = {kind = ARGV[6], id = ARGV[7], role = ARGV[8]}
if actor_rank(actor, m[1], m[2]) < COHOST then
  return {'FORBIDDEN', "Only the meeting's hosts (its owner, co-hosts and the administrators) may do this"}
end
if verb == 'list' then
  local flat, out = redis.call('HGETALL', links), {}
  for i = 1, #flat, 2 do
    local _, made, by, revoked = string.match(flat[i + 1], '^(%x+)|(%d+)|([^|]*)|(%d*)$')
    out[#out + 1] = flat[i]
    out[#out + 1] = made
    out[#out + 1] = by
    out[#out + 1] = revoked
  end
  return {'OK', out}
end
if verb == 'make' then
  if status == 'ended' then return {'INSTANCE_ENDED', iid} end
  local id = redis.call('HINCRBY', ikey(iid), 'guestLinkSeq', 1)
  redis.call('HSET', links, id, arg .. '|' .. now .. '|' .. actor_name(actor) .. '|')
  audit(base, now, 'guest_link_made', actor, 'instance:' .. iid, '', 'link ' .. id, requestId, 'instance', iid)
  return {'OK', id}
end
local link = redis.call('HGET', links, arg)
if not link then return {'INVALID_GUEST_LINK'} end
local hash, made, by, revoked = string.match(link, '^(%x+)|(%d+)|([^|]*)|(%d*)$')
if revoked ~= '' then return {'OK', 0} end
redis.call('HSET', links, arg, hash .. '|' .. made .. '|' .. by .. '|' .. now)
audit(base, now, 'guest_link_revoked', actor, 'instance:' .. iid, 'link ' .. arg, 'revoked', requestId, 'instance', iid)
return {'OK', 1}
