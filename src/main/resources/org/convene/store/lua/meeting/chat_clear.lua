-- chat_clear: the owner or an administrator clears an instance's chat, with its record in the same step.
-- Every message is gone from every read (the stream is trimmed to nothing, keeping its last id, and each author's
-- index goes; authors are among the attendees, since only those inside post); message numbers go on from where they
-- were. A co-host may not: the chat holds messages of people ranked above them. The live feed gets chat_cleared and
-- the webhooks chat.cleared, naming the actor.
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 actor kind (root, user), 5 actor id (0 for root), 6 actor role,
--      7 now (ms), 8 request id ('' none)
-- REPLY: {'OK', messages removed} | {'INVALID_INSTANCE'} | {'FORBIDDEN', why}
local iid, actorKind, actorId, actorRole, now, requestId = ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8]
if redis.call('EXISTS', ikey(iid)) == 0 then return {'INVALID_INSTANCE'} end
local actor = {kind = actorKind, id = actorId, role = actorRole}
if not runs_meeting(actor, redis.call('HGET', base .. ':meeting', 'owner')) then
  return {'FORBIDDEN', "Only the meeting's owner or an administrator may clear the chat"}
end
local chat = ikey(iid) .. ':chat'
local count = redis.call('XLEN', chat)
redis.call('XTRIM', chat, 'MAXLEN', 0)
-- Data written by layout 1 names who joined in `members` only.
for _, uid in ipairs(redis.call('HKEYS', ikey(iid) .. ':attendees')) do redis.call('DEL', chat .. ':user:' .. uid) end
for _, uid in ipairs(redis.call('SMEMBERS', ikey(iid) .. ':members')) do redis.call('DEL', chat .. ':user:' .. uid) end
feed(iid, 'chat_cleared', 0, count, now, nil, actor_name(actor))
outbox(iid, 'chat.cleared', now, 'messages', count, 'actor', actor_name(actor))
audit(base, now, 'chat_cleared', actor, 'instance:' .. iid, count .. ' messages', '0 messages', requestId, 'instance', iid)
return {'OK', count}
