-- Shared by every script that works inside one meeting. Script.java prepends this file (after _common.lua).
--
-- All keys live under the meeting's hash tag, so every script stays in one cluster slot:
--   KEYS[1] = data base    convene:{m:<mid>}          (db ARGV[1])
--   KEYS[2] = events base  convene:events:{m:<mid>}   (db ARGV[2]; -1 = same db, own namespace)
--   KEYS[3] = the outbox   convene:{m:<mid>}:outbox   given only while webhook endpoints exist (see outbox())
--   <base>:meeting                      hash  id title description public version instanceCount owner (a user id;
--                                       none: the administrators run it) ban:<uid> ('<until ms, 0 for good>|<reason>')
--   <base>:audit                        stream  id <seq>-0: audit records of what was done to the meeting (at action
--                                       outcome actorKind actorId actorRole target before after requestId); <base>:audit:seq
--   <base>:audience                     set   normalised e-mails
--   <base>:instances                    zset  instance id by start (ms)
--   <base>:instance:<iid>               hash  id meetingId orderId from to status events messages meetingVersion
--   <base>:instance:<iid>:participants  hash  user id -> "<joined ms>:<name>"
--   <base>:instance:<iid>:members       set   every user who ever joined: written by layout 1 only (attendees tells now)
--   <base>:instance:<iid>:emails        hash  user id -> e-mail, of those inside (to remove who leaves the audience)
--   <base>:instance:<iid>:attendance    hash  user id -> segments "<joined>:<left>:<end>,...,<joined>" (the last open
--                                       while inside; end l left, t timeout at the end, r removed, p reaped)
--   <base>:instance:<iid>:attendees     hash  user id -> name at their first join (the report outlives the participant)
--   <base>:attended:<uid>               zset  instance id by first join (ms): the instances one user attended
--   <base>:instance:<iid>:presence      zset  user id by when they are reaped unless renewed (ms), for a meeting
--                                       with a presence rule (meeting fields presenceLease, presenceGrace, seconds)
--   <base>:instance:<iid>:chat          stream  id <n>-0: user text at
--   <base>:instance:<iid>:chat:user:<uid>  zset  message numbers of one user
--   <base>:instance:<iid>:feed          stream  everything that happens, for live streams: kind user n at [reason]
--                                       (kind join, leave, timeout, chat, activated, ended; capped)
--   <base>:series                       set   the meeting's series ids
--   <base>:series:<sid>                 hash  id meetingId rrule start (local) zone minutes sequence createdAt until
--                                       (the original start of the last occurrence made, ms; 0 before the first)
--   <base>:series:<sid>:occurrences     hash  recurrence id (an occurrence's original start, ms) -> instance id
--   <base>:series:<sid>:cancelled       set   recurrence ids cancelled (never made again; EXDATEs in the feed)
--   <base>:outbox                       stream  webhook events, written in the same step as the change each reports:
--                                       type instance seq at [user name reason n text from to order endedBy attendees];
--                                       seq is the instance's own (field hookSeq of its hash), gap-free. Drained into
--                                       deliveries by store/WebhookRecords (lua/hooks); never capped, so nothing is lost
--   <evbase>:instance:<iid>             stream  id <n>-0: type user at [reason]   (type 1 join, 2 leave, 3 timeout;
--                                       reason 'removed' on a leave that the user did not ask for)
--   <evbase>:user:<uid>                 stream  the same events of one user in this meeting: instance event type at [reason]
-- Times are UTC epoch milliseconds, passed as strings so that Lua's doubles never format them.

local base, evbase = KEYS[1], KEYS[2]
local ddb, edb = tonumber(ARGV[1]), tonumber(ARGV[2])

local function ikey(iid) return base .. ':instance:' .. iid end

-- Event codes in the events log, the seed's event types in its order (model.EventType).
local JOIN, LEAVE, TIMEOUT = 1, 2, 3
-- Message `n` of an instance's chat as a table of its fields (user, text, at), or nil.
local function message(iid, n)
  local entry = redis.call('XRANGE', ikey(iid) .. ':chat', n .. '-0', n .. '-0')[1]
  if not entry then return nil end
  return fields(entry[2])
end

-- Appends a message to an instance's chat and its author's index; returns its number.
local function append_message(iid, uid, text, at)
  local n = redis.call('HINCRBY', ikey(iid), 'messages', 1)
  redis.call('XADD', ikey(iid) .. ':chat', n .. '-0', 'user', uid, 'text', text, 'at', at)
  redis.call('ZADD', ikey(iid) .. ':chat:user:' .. uid, n, n)
  return n
end

-- Events live in their own logical database (the seed's db 1); on a cluster only db 0 exists,
-- so there they live under their own key prefix instead and no SELECT happens.
local function in_events(f)
  if edb >= 0 then redis.call('SELECT', edb) end
  local result = f()
  if edb >= 0 then redis.call('SELECT', ddb) end
  return result
end

-- Appends to the instance's live feed, in the same step as the change it reports; `reason` (why a leave happened that
-- the user did not ask for) and `actor` (who did what hosts do: 'root' or 'user:<id>') only where given.
local FEED_KINDS = {[JOIN] = 'join', [LEAVE] = 'leave', [TIMEOUT] = 'timeout'}
local function feed(iid, kind, uid, n, at, reason, actor)
  local extra = {}
  if reason then extra[#extra + 1] = 'reason'; extra[#extra + 1] = reason end
  if actor then extra[#extra + 1] = 'actor'; extra[#extra + 1] = actor end
  redis.call('XADD', ikey(iid) .. ':feed', 'MAXLEN', '~', FEED_CAP, '*', 'kind', kind, 'user', uid, 'n', n, 'at', at,
      unpack(extra))
end

-- Appends a webhook event to the meeting's outbox, in the same step as the change it reports, numbered
-- in its instance's own sequence so that a receiver can order and deduplicate; `...` are the type's
-- fields as name, value pairs. Written only when the caller passes the outbox key, which it does while
-- any webhook endpoint exists: without endpoints the outbox would cost about a tenth of the throughput
-- for nothing.
local function outbox(iid, kind, at, ...)
  if not KEYS[3] then return end
  local seq = redis.call('HINCRBY', ikey(iid), 'hookSeq', 1)
  redis.call('XADD', KEYS[3], '*', 'type', kind, 'instance', iid, 'seq', seq, 'at', at, ...)
end

-- Webhook types of the events log's events (webhook/EventKind.java names them all).
local HOOK_TYPES = {[JOIN] = 'participant.joined', [LEAVE] = 'participant.left', [TIMEOUT] = 'participant.timed_out'}

-- Keeps the attendance report in step with the events log: a join opens a segment, a leave or a
-- timeout closes the open one with what ended it. Written by the same step as the event, so the
-- report is exact under every race the events log is, and costs one field per attendee to read.
local SEGMENT_END = {[LEAVE] = 'l', [TIMEOUT] = 't'}
local REASON_END = {removed = 'r', reaped = 'p', kicked = 'k', banned = 'b'}
-- Returns true on the user's first join of the instance, when `name` (given on joins) is kept as the
-- attendee's: what the report shows, and what tells someone who left from someone who never joined.
local function attend(iid, uid, etype, at, reason, name)
  local key = ikey(iid) .. ':attendance'
  local segments = redis.call('HGET', key, uid)
  if etype == JOIN then
    if not segments then
      redis.call('ZADD', base .. ':attended:' .. uid, at, iid)
      redis.call('HSETNX', ikey(iid) .. ':attendees', uid, name or '')
    end
    redis.call('HSET', key, uid, segments and (segments .. ',' .. at) or at)
    return not segments
  elseif segments then
    redis.call('HSET', key, uid, segments .. ':' .. at .. ':' .. (REASON_END[reason] or SEGMENT_END[etype]))
    redis.call('ZREM', ikey(iid) .. ':presence', uid)
  end
  return false
end

-- Appends one event to the instance's log and to the user's log in this meeting; returns its number, and
-- whether it was the user's first join of the instance. `reason` (optional) says why a leave happened that
-- the user did not ask for; `name` is the joiner's.
local function log_event(iid, uid, etype, at, reason, name)
  local first = attend(iid, uid, etype, at, reason, name)
  local n = redis.call('HINCRBY', ikey(iid), 'events', 1)
  feed(iid, FEED_KINDS[etype], uid, n, at, reason)
  if KEYS[3] then
    local name = redis.call('HGET', ikey(iid) .. ':attendees', uid) or ''
    outbox(iid, HOOK_TYPES[etype], at, 'user', uid, 'name', name, 'reason', reason or (etype == TIMEOUT and 'ended' or ''))
  end
  local extra = {}
  if reason then extra = {'reason', reason} end
  in_events(function()
    redis.call('XADD', evbase .. ':instance:' .. iid, n .. '-0', 'type', etype, 'user', uid, 'at', at, unpack(extra))
    redis.call('XADD', evbase .. ':user:' .. uid, '*', 'instance', iid, 'event', n, 'type', etype, 'at', at,
        unpack(extra))
  end)
  return n, first
end

-- The lobby of an occurrence, where people wait until a host lets them in (meeting field `lobby`: off, outsiders,
-- everyone; core/Lobby says who waits). All of it is per instance in this slot, each transition one script:
--   <base>:instance:<iid>:lobby        zset  waiting user id by arrival (score: the instance's own lobbySeq)
--   <base>:instance:<iid>:lobby:lease  zset  waiting user id by when their wait lapses unless renewed (ms)
--   <base>:instance:<iid>:admitted     zset  admitted user id by when the seat kept for them frees itself (ms)
--   <base>:instance:<iid>:lobby:state  hash  user id -> '<state>:<since ms>:<name>'; state w waiting, a admitted,
--                                      j joined through the lobby (comes back without waiting), d denied, g gone,
--                                      c closed by the end. Kept with the instance: the report names waiters from it
--   <base>:instance:<iid>:waited       hash  user id -> waiting segments '<from>:<to>:<how>,...,<from>' (the last
--                                      open while waiting); how a admitted, d denied, g gave up, e lapsed, u
--                                      admitted but never came, c closed by the end
--   <base>:waited:<uid>                zset  instance id by first wait: where an erasure finds a waiter's name
-- Seats are people inside plus admissions not used yet, never waiters.
local LOBBY_LEASE_MS, ADMIT_GRACE_MS = 60000, 60000

-- A user's lobby state in instance `iid`: state letter, since (ms) and name; nil if they never knocked.
local function lobby_state(iid, uid)
  local s = redis.call('HGET', ikey(iid) .. ':lobby:state', uid)
  if not s then return nil end
  return string.match(s, '^(%a):(%d+):(.*)$')
end

local function set_lobby_state(iid, uid, state, at, name)
  redis.call('HSET', ikey(iid) .. ':lobby:state', uid, state .. ':' .. at .. ':' .. (name or ''))
end

-- Closes a waiter's open waiting segment with how it ended.
local function wait_ends(iid, uid, at, how)
  local key = ikey(iid) .. ':waited'
  local w = redis.call('HGET', key, uid)
  if w and not string.find(string.match(w, '([^,]*)$'), ':', 1, true) then
    redis.call('HSET', key, uid, w .. ':' .. at .. ':' .. how)
  end
end

-- Tells the hosts and the user of a lobby transition (feed kind lobby_<kind>, webhook lobby.<kind>); `n` is a
-- waiter's position on lobby_waiting (0 otherwise).
local function lobby_event(iid, kind, uid, at, n, reason, actor, name)
  feed(iid, 'lobby_' .. kind, uid, n, at, reason, actor)
  if not KEYS[3] then return end
  if actor then
    outbox(iid, 'lobby.' .. kind, at, 'user', uid, 'name', name or '', 'reason', reason or '', 'position', n,
        'actor', actor)
  else
    outbox(iid, 'lobby.' .. kind, at, 'user', uid, 'name', name or '', 'reason', reason or '', 'position', n)
  end
end

-- Seats taken in an active instance: those inside and the admissions not used yet.
local function seats_taken(iid)
  return redis.call('HLEN', ikey(iid) .. ':participants') + redis.call('ZCARD', ikey(iid) .. ':admitted')
end

-- A waiter leaves the lobby, or an admission goes unused: `reason` left (they gave up), lapsed (their wait was
-- not renewed) or unused (admitted, they never came). Returns false if they were neither waiting nor admitted.
local function lobby_leave(iid, uid, at, reason)
  local state, _, name = lobby_state(iid, uid)
  if state == 'w' then
    redis.call('ZREM', ikey(iid) .. ':lobby', uid)
    redis.call('ZREM', ikey(iid) .. ':lobby:lease', uid)
    wait_ends(iid, uid, at, reason == 'lapsed' and 'e' or 'g')
  elseif state == 'a' then
    redis.call('ZREM', ikey(iid) .. ':admitted', uid)
    -- The waiting segment ended with the admission; the record of the unused seat is the state.
  else
    return false
  end
  set_lobby_state(iid, uid, 'g', at, name)
  lobby_event(iid, 'left', uid, at, 0, reason, nil, name)
  return true
end

-- Lets lapse, at `now`, the waits not renewed and the admissions not used in time.
local function lobby_lapse(iid, now)
  for _, uid in ipairs(redis.call('ZRANGEBYSCORE', ikey(iid) .. ':lobby:lease', '-inf', now)) do
    lobby_leave(iid, uid, now, 'lapsed')
  end
  for _, uid in ipairs(redis.call('ZRANGEBYSCORE', ikey(iid) .. ':admitted', '-inf', now)) do
    lobby_leave(iid, uid, now, 'unused')
  end
end

-- When the next wait lapses or admission frees its seat (ms), or false.
local function lobby_next_due(iid)
  local a = redis.call('ZRANGE', ikey(iid) .. ':lobby:lease', 0, 0, 'WITHSCORES')[2]
  local b = redis.call('ZRANGE', ikey(iid) .. ':admitted', 0, 0, 'WITHSCORES')[2]
  if a and b then return tostring(math.min(tonumber(a), tonumber(b))) end
  return a or b or false
end

-- Admits waiter `uid` (named `name`) by `actorName`: their seat is kept for ADMIT_GRACE_MS. Returns when it frees.
local function admit_waiter(iid, uid, name, now, actorName)
  redis.call('ZREM', ikey(iid) .. ':lobby', uid)
  redis.call('ZREM', ikey(iid) .. ':lobby:lease', uid)
  local due = tonumber(now) + ADMIT_GRACE_MS
  redis.call('ZADD', ikey(iid) .. ':admitted', due, uid)
  wait_ends(iid, uid, now, 'a')
  set_lobby_state(iid, uid, 'a', now, name)
  lobby_event(iid, 'admitted', uid, now, 0, nil, actorName, name)
  return due
end

-- User `uid` (named `name`) waits, or goes on waiting, in instance `iid`; `state` is their lobby state before.
-- Their wait lasts LOBBY_LEASE_MS from now unless renewed. Returns the join script's reply.
local function wait_in_lobby(iid, uid, name, now, state)
  if state == 'd' then return {'LOBBY_DENIED', uid} end
  local lkey = ikey(iid) .. ':lobby'
  if state ~= 'w' then
    redis.call('ZADD', lkey, redis.call('HINCRBY', ikey(iid), 'lobbySeq', 1), uid)
    set_lobby_state(iid, uid, 'w', now, name)
    local w = redis.call('HGET', ikey(iid) .. ':waited', uid)
    redis.call('HSET', ikey(iid) .. ':waited', uid, w and (w .. ',' .. now) or now)
    redis.call('ZADD', base .. ':waited:' .. uid, 'NX', now, iid)
  end
  local due = tonumber(now) + LOBBY_LEASE_MS
  redis.call('ZADD', ikey(iid) .. ':lobby:lease', due, uid)
  local position = redis.call('ZRANK', lkey, uid) + 1
  if state ~= 'w' then lobby_event(iid, 'waiting', uid, now, position, nil, nil, name) end
  return {'WAITING', position, tostring(due)}
end

-- The end closes the lobby: every waiter and every unused admission is told (lobby_closed), before the end itself.
local function close_lobby(iid, at)
  local waiting = redis.call('ZRANGE', ikey(iid) .. ':lobby', 0, -1)
  local admitted = redis.call('ZRANGE', ikey(iid) .. ':admitted', 0, -1)
  for _, group in ipairs({waiting, admitted}) do
    for _, uid in ipairs(group) do
      local state, _, name = lobby_state(iid, uid)
      if state == 'w' then wait_ends(iid, uid, at, 'c') end
      set_lobby_state(iid, uid, 'c', at, name)
      lobby_event(iid, 'closed', uid, at, 0, 'ended', nil, name)
    end
  end
  if #waiting + #admitted > 0 then
    redis.call('DEL', ikey(iid) .. ':lobby', ikey(iid) .. ':lobby:lease', ikey(iid) .. ':admitted')
  end
end

-- Every participant leaves with one timeout event stamped `at`; the instance becomes ended, by `by`
-- ('administrator' or 'schedule'), and its attendance report is ready.
local function end_instance(iid, at, by)
  close_lobby(iid, at)
  local pkey = ikey(iid) .. ':participants'
  local uids = redis.call('HKEYS', pkey)
  table.sort(uids, function(a, b) return tonumber(a) < tonumber(b) end)
  for _, uid in ipairs(uids) do log_event(iid, uid, TIMEOUT, at) end
  redis.call('DEL', pkey, ikey(iid) .. ':emails', ikey(iid) .. ':presence')
  redis.call('HSET', ikey(iid), 'status', 'ended', 'endedAt', at)
  feed(iid, 'ended', 0, 0, at)
  outbox(iid, 'instance.ended', at, 'endedBy', by)
  if KEYS[3] then outbox(iid, 'attendance.report_ready', at, 'attendees', redis.call('HLEN', ikey(iid) .. ':attendees')) end
  return uids
end

-- Brings the stored status in line with the clock. Whoever runs it first (the scheduler, a join,
-- an admin) applies the transition; the status check makes every later run a no-op, so each
-- activation and each end happens exactly once. A window that passed unseen ends at its `to`.
-- Returns status, transition ('activated', 'ended' or false), timed-out user ids; nil if no such instance.
-- `with` (optional) names one more field of the instance's hash to read in the same HMGET, returned fourth.
local function settle(iid, now, with)
  local h
  if with then h = redis.call('HMGET', ikey(iid), 'status', 'from', 'to', with)
  else h = redis.call('HMGET', ikey(iid), 'status', 'from', 'to') end
  if not h[1] then return nil end
  local status, from, to, extra = h[1], h[2], h[3], with and h[4] or nil
  if status == 'ended' then return 'ended', false, {}, extra end
  if tonumber(now) >= tonumber(to) then
    -- A window that passed unseen (no scheduler ran in it) was still active from its start: the feed
    -- and the webhooks show it activated, then ended, like every other.
    if status == 'scheduled' then
      feed(iid, 'activated', 0, 0, from)
      outbox(iid, 'instance.activated', from)
    end
    return 'ended', 'ended', end_instance(iid, to, 'schedule'), extra
  end
  if status == 'scheduled' and tonumber(now) >= tonumber(from) then
    redis.call('HSET', ikey(iid), 'status', 'active')
    feed(iid, 'activated', 0, 0, from)
    outbox(iid, 'instance.activated', from)
    return 'active', 'activated', {}, extra
  end
  return status, false, {}, extra
end

-- Deletes instance `iid` at `now` unless it is active or has events or chat; returns false if it may
-- not be deleted. An occurrence leaves its series' map of occurrences too, and counts as cancelled
-- (never made again) unless `keep_rule` (a series cut short removes what now lies past its end).
local function delete_instance(iid, now, keep_rule)
  local h = redis.call('HMGET', ikey(iid), 'events', 'messages', 'seriesId', 'recurrenceId', 'status')
  if h[5] == 'active' or tonumber(h[1]) > 0 or tonumber(h[2]) > 0 then return false end
  if h[3] and redis.call('EXISTS', base .. ':series:' .. h[3]) == 1 then
    redis.call('HINCRBY', base .. ':series:' .. h[3], 'sequence', 1)
    if not keep_rule then redis.call('SADD', base .. ':series:' .. h[3] .. ':cancelled', h[4]) end
  end
  outbox(iid, 'instance.deleted', now)
  redis.call('DEL', ikey(iid), ikey(iid) .. ':participants', ikey(iid) .. ':members', ikey(iid) .. ':chat',
      ikey(iid) .. ':feed', ikey(iid) .. ':lobby:state', ikey(iid) .. ':waited', ikey(iid) .. ':guest-links',
      ikey(iid) .. ':guests')
  redis.call('ZREM', base .. ':instances', iid)
  if h[3] then redis.call('HDEL', base .. ':series:' .. h[3] .. ':occurrences', h[4]) end
  return true
end

-- The instance of this meeting that could overlap [from, to), other than `except`, or nil.
-- Instances of one meeting never overlap, so among those starting before `to` only the latest can.
local function overlapping(from, to, except)
  local candidates = redis.call('ZREVRANGEBYSCORE', base .. ':instances', '(' .. to, '-inf', 'LIMIT', 0, 2)
  for _, other in ipairs(candidates) do
    if other ~= except then
      if tonumber(redis.call('HGET', ikey(other), 'to')) > tonumber(from) then return other end
      return nil
    end
  end
  return nil
end

-- The instance of this meeting active at `now`, with any transition due applied first, or nil.
-- Instances of one meeting never overlap, so only the latest one to have started can be active.
local function active_instance(now)
  local latest = redis.call('ZREVRANGEBYSCORE', base .. ':instances', now, '-inf', 'LIMIT', 0, 1)[1]
  if latest and settle(latest, now) == 'active' then return latest end
  return nil
end

-- Ranks in a meeting (see core.Permissions): nobody acts on a rank at or above their own.
local ROOT, ADMIN, OWNER, COHOST, ATTENDEE = 5, 4, 3, 2, 1
local RANK_NAMES = {[ROOT] = 'root', [ADMIN] = 'an administrator', [OWNER] = "the meeting's owner",
  [COHOST] = 'a co-host', [ATTENDEE] = 'an attendee'}

-- Whether user `uid` is in `cohosts`, the meeting's field: user ids joined by commas ('', nil or false: none).
local function is_cohost(cohosts, uid)
  return cohosts and cohosts ~= '' and string.find(',' .. cohosts .. ',', ',' .. uid .. ',', 1, true) ~= nil
end

-- An actor's rank in this meeting now: root; an administrator (their role comes from their token's resolution);
-- the user the meeting's `owner` field names; a co-host; anyone else.
local function actor_rank(actor, owner, cohosts)
  if actor.kind == 'root' then return ROOT end
  if actor.role == 'admin' then return ADMIN end
  if actor.kind == 'user' and owner == actor.id then return OWNER end
  if actor.kind == 'user' and is_cohost(cohosts, actor.id) then return COHOST end
  return ATTENDEE
end

-- The rank of user `uid` of global role `role` in this meeting now.
local function user_rank(uid, role, owner, cohosts)
  if role == 'admin' then return ADMIN end
  if uid == owner then return OWNER end
  if is_cohost(cohosts, uid) then return COHOST end
  return ATTENDEE
end

-- Whether an actor runs this meeting now: root, an administrator or its owner.
local function runs_meeting(actor, owner)
  return actor_rank(actor, owner, nil) >= OWNER
end

-- Why a host may not act (`verb`: 'remove', 'ban', ...) on user `uid` of global role `targetRole`, or nil: nobody acts
-- on themselves, nor on anyone of their own rank or above (so only root reaches an administrator, only an
-- administrator the owner, only the owner or above a co-host).
local function out_of_reach(verb, actor, uid, targetRole, owner, cohosts)
  if actor.kind == 'user' and actor.id == uid then return 'Nobody may ' .. verb .. ' themselves' end
  local rank, target = actor_rank(actor, owner, cohosts), user_rank(uid, targetRole, owner, cohosts)
  if target < rank then return nil end
  if target == ADMIN then return 'Only root (the administrator token) may ' .. verb .. ' an administrator' end
  if target == OWNER then return "Only an administrator may " .. verb .. " the meeting's owner" end
  return 'Only the owner or an administrator may ' .. verb .. ' ' .. RANK_NAMES[target]
end

-- Moves the meeting's version, and the version each instance carries, so that every node reads its cached copy
-- of the meeting again (who may do what in it is part of it); returns the new version.
local function bump_version()
  local version = redis.call('HINCRBY', base .. ':meeting', 'version', 1)
  for _, iid in ipairs(redis.call('ZRANGE', base .. ':instances', 0, -1)) do
    redis.call('HSET', ikey(iid), 'meetingVersion', version)
  end
  return version
end

-- Tells the instance active at `now` (if any) of a change to the meeting as a whole: an entry `kind` on its live
-- feed for user `uid` (0: none) by `actorName`, and the webhook event `hook` with its fields `...`. A change with
-- no active instance reaches webhooks only, numbered in the meeting's own sequence and without an instance.
local function tell_meeting(now, kind, uid, actorName, hook, ...)
  local active = active_instance(now)
  if active then
    feed(active, kind, uid, 0, now, nil, actorName)
    outbox(active, hook, now, 'actor', actorName, ...)
  elseif KEYS[3] then
    local seq = redis.call('HINCRBY', base .. ':meeting', 'hookSeq', 1)
    redis.call('XADD', KEYS[3], '*', 'type', hook, 'instance', 0, 'seq', seq, 'at', now, 'actor', actorName, ...)
  end
  return active
end

-- How an actor is named on feeds and webhooks: 'root' or 'user:<id>'.
local function actor_name(actor)
  if actor.kind == 'root' then return 'root' end
  return 'user:' .. actor.id
end

-- Takes a participant out of an instance with an event that says why (a leave, or a timeout when
-- `etype` says so); false if they were not in.
local function remove_participant(iid, uid, at, reason, etype)
  if redis.call('HDEL', ikey(iid) .. ':participants', uid) == 0 then return false end
  redis.call('HDEL', ikey(iid) .. ':emails', uid)
  log_event(iid, uid, etype or LEAVE, at, reason)
  if reason == 'kicked' or reason == 'banned' then
    -- Someone a host takes out no longer comes back through the lobby's door: where the lobby holds them, they wait.
    local state, _, name = lobby_state(iid, uid)
    if state == 'j' then set_lobby_state(iid, uid, 'g', at, name) end
  end
  return true
end

-- When a participant is reaped unless renewed from `now`, under a presence rule of `lease` and `grace`
-- seconds (as the meeting's hash holds them), or nil where there is no rule.
local function presence_due_with(now, lease, grace)
  if tonumber(lease or '0') <= 0 then return nil end
  return tonumber(now) + (tonumber(lease) + tonumber(grace or '0')) * 1000
end

-- When a participant of this meeting is reaped unless renewed from `now`, or nil without a presence rule.
local function presence_due(now)
  local p = redis.call('HMGET', base .. ':meeting', 'presenceLease', 'presenceGrace')
  return presence_due_with(now, p[1], p[2])
end

-- Reaps who in an active instance let their presence run out by `now`: each leaves with a timeout
-- whose reason is 'reaped'; lets the lobby's lapsed waits and unused admissions go. Returns the reaped user ids, the next due reap (ms) or false, and when
-- the first of those reaped was due (ms) or false.
local function reap(iid, now)
  local pkey = ikey(iid) .. ':presence'
  local reaped, first_due = {}, false
  local due = redis.call('ZRANGEBYSCORE', pkey, '-inf', now, 'WITHSCORES')
  for i = 1, #due, 2 do
    local uid = due[i]
    if remove_participant(iid, uid, now, 'reaped', TIMEOUT) then
      reaped[#reaped + 1] = tonumber(uid)
      if not first_due then first_due = due[i + 1] end
    end
    redis.call('ZREM', pkey, uid)
  end
  -- The lobby's waits and unused admissions lapse in the same pass, and share its due time.
  lobby_lapse(iid, now)
  local first, lobby_due = redis.call('ZRANGE', pkey, 0, 0, 'WITHSCORES')[2], lobby_next_due(iid)
  if first and lobby_due then first = tostring(math.min(tonumber(first), tonumber(lobby_due))) end
  return reaped, first or lobby_due, first_due
end

-- What the active instances and the join times show of instance `iid`, as JSON: its window, status, meeting and meeting version, and
-- who is inside ("uid:joined ms:name"). Read by each node for the instances that changed (store/LiveView).
local function live_row(iid)
  local i = redis.call('HMGET', ikey(iid), 'status', 'from', 'to', 'orderId', 'meetingId', 'meetingVersion')
  local flat = redis.call('HGETALL', ikey(iid) .. ':participants')
  local inside = {}
  for k = 1, #flat, 2 do inside[#inside + 1] = flat[k] .. ':' .. flat[k + 1] end
  return cjson.encode({id = iid, status = i[1], from = i[2], to = i[3], orderId = i[4], meetingId = i[5],
    meetingVersion = i[6] or '0', participants = inside})
end
