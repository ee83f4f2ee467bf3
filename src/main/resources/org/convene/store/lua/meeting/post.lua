-- post: a participant posts a chat message.
-- The message number is the stream id (<n>-0), so messages keep posting order even within one millisecond.
-- A key already used by this user in this instance (kept a day) returns the first message instead of a new one
-- (or says it was deleted since). The meeting's chat mode is checked in this step, read with the instance's status
-- (meeting_options.lua copies it there): 'off' refuses every post, 'hosts_only' all but the hosts' (an
-- administrator, the owner, a co-host: only then is the meeting read).
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 user id, 5 text, 6 now (ms), 7 idempotency key ('' none),
--      8 the user's global role ('' or absent: member)
-- REPLY: {'OK', message number, text, at (ms)} | {'INVALID_INSTANCE'} | {'NOT_IN_MEETING'} | {'NOT_ACTIVE'}
--      | {'DELETED', message number} | {'CHAT_CLOSED', chat mode}
local iid, uid, text, now, key, role = ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8] or ''
local idem = ikey(iid) .. ':idem:' .. uid .. ':' .. key
if key ~= '' then
  local first = redis.call('GET', idem)
  if first then
    local f = message(iid, first)
    if not f then return {'DELETED', tonumber(first)} end
    return {'OK', tonumber(first), f['text'], f['at']}
  end
end
local status, _, _, mode = settle(iid, now, 'chatMode')
if not status then return {'INVALID_INSTANCE'} end
if redis.call('HEXISTS', ikey(iid) .. ':participants', uid) == 0 then return {'NOT_IN_MEETING'} end
if status ~= 'active' then return {'NOT_ACTIVE'} end
if mode == 'off' then return {'CHAT_CLOSED', mode} end
if mode == 'hosts_only' then
  local m = redis.call('HMGET', base .. ':meeting', 'owner', 'cohosts')
  if actor_rank({kind = 'user', id = uid, role = role}, m[1], m[2]) < COHOST then return {'CHAT_CLOSED', mode} end
end
local n = append_message(iid, uid, text, now)
feed(iid, 'chat', uid, n, now)
outbox(iid, 'chat.message_posted', now, 'user', uid, 'n', n, 'text', text)
if key ~= '' then redis.call('SET', idem, n, 'EX', 86400) end
return {'OK', n, text, now}
