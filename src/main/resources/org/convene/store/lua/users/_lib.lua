-- Shared by the user scripts. Script.java prepends this file (after _common.lua). All users share one hash tag so
-- that an e-mail is claimed and a user written in one atomic step:
--   KEYS[1] = convene:{users}
--   <base>:next               counter of user ids
--   <base>:ids                zset  user id by id (for paging)
--   <base>:emails             hash  normalised e-mail -> user id
--   <base>:user:<uid>         hash  id name age gender email version tokenHash role (none: member) suspended (1 while
--                                 suspended; deleted = 1: a tombstone; erased = 1: a tombstone whose personal data is gone)
--   <base>:admins             set   ids of the users with the admin role
--   <base>:audit              stream  <seq>-0: the audit records of what changed users (at action outcome actorKind
--                                    actorId actorRole target before after requestId); <base>:audit:seq their count
--   <base>:salts              hash  user id -> the salt of their personal fields in the audit chains (audit/AuditChain)
--   <base>:user:<uid>:audit   zset  '<chain>#<seq>' by time (ms): the sealed records naming the user (by the sealer)
--   <base>:tokens             hash  SHA-256 of a user's token -> user id
--   <base>:feed-tokens        hash  SHA-256 of a user's calendar feed token -> user id (field feedTokenHash on the user)
--   <base>:allowance:<key>    hash  tokens at: a token bucket every node shares (chat:<uid>: a user's chat allowance)
--   <base>:admin-token        string SHA-256 of the administrator's token
--   <base>:user:<uid>:meetings set  meetings the user has joined (the index of their events log)
--   <base>:identities         hash  JSON [issuer, subject] of an identity provider's person -> user id (field identity
--                                 on the user; roleByHand = 1 once a role was given in Convene, which claims then keep)
--   <base>:session:<hash>     string '<user id>:<end (ms)>': a console session (SHA-256 of its cookie), expiring after
--                                 the idle time or at its end
--   <base>:user:<uid>:sessions set  the hashes of the user's sessions, to end them all at once
--   <base>:login:<state>      string a sign-in through the identity provider between its start and its callback
--   <base>:invitation:<hash>  hash  email name expires meeting by: an invitation to a local account (SHA-256 of its link)
--   <base>:reset:<hash>       hash  uid expires: a link to set a new password (field passwordHash on the user: PBKDF2)
local base = KEYS[1]
local function ukey(uid) return base .. ':user:' .. uid end

-- The actor as their own record says now ('admin' for root), and whether they may administer users: one deleted,
-- suspended or no longer an administrator may not, whatever their token said moments ago.
local function acting_admin(kind, id)
  if kind ~= 'user' then return {kind = kind, id = id, role = 'admin'}, true end -- root, or the system itself
  local a = redis.call('HMGET', ukey(id), 'role', 'deleted', 'suspended')
  local actor = {kind = kind, id = id, role = a[1] or 'member'}
  return actor, a[2] ~= '1' and a[3] ~= '1' and actor.role == 'admin'
end
