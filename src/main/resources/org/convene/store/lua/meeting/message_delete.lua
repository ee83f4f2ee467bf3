-- message_delete: a message of an instance's chat is deleted, by its author or by a host, with its record.
-- It is gone from every read (the chat stream and its author's index lose it in this step); the live feed gets a
-- message_deleted entry and the webhooks chat.message_deleted, naming the actor. Its author deletes their own; a
-- host (an administrator, the owner or a co-host now) the messages of those ranked below them. The author's global
-- role comes from the users' slot just before, for the message the caller read (`author`, checked here).
-- KEYS: 1 meeting base, 2 events base, 3 outbox (only while webhook endpoints exist)
-- ARGV: 1 data db, 2 events db, 3 instance id, 4 message number, 5 its author's user id, 6 the author's global role,
--      7 actor kind (root, user), 8 actor id (0 for root), 9 actor role, 10 now (ms), 11 request id ('' none)
-- REPLY: {'OK'} | {'INVALID_INSTANCE'} | {'NO_MESSAGE'} | {'FORBIDDEN', why}
local iid, n, author, authorRole, actorKind, actorId, actorRole, now, requestId =
    ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9], ARGV[10], ARGV[11]
if redis.call('EXISTS', ikey(iid)) == 0 then return {'INVALID_INSTANCE'} end
local found = message(iid, n)
if not found or found['user'] ~= author then return {'NO_MESSAGE'} end
local actor = {kind = actorKind, id = actorId, role = actorRole}
if not (actor.kind == 'user' and actor.id == author) then
  local m = redis.call('HMGET', base .. ':meeting', 'owner', 'cohosts')
  if actor_rank(actor, m[1], m[2]) < COHOST then
    return {'FORBIDDEN', "Only its author or the meeting's hosts may delete a message"}
  end
  local why = out_of_reach('delete the messages of', actor, author, authorRole, m[1], m[2])
  if why then return {'FORBIDDEN', why} end
end
redis.call('XDEL', ikey(iid) .. ':chat', n .. '-0')
redis.call('ZREM', ikey(iid) .. ':chat:user:' .. author, n)
feed(iid, 'message_deleted', author, n, now, nil, actor_name(actor))
outbox(iid, 'chat.message_deleted', now, 'user', author, 'n', n, 'actor', actor_name(actor))
audit(base, now, 'message_deleted', actor, 'message:' .. iid .. '/' .. n, 'posted', 'deleted', requestId,
    'instance', iid, 'author', author)
return {'OK'}
