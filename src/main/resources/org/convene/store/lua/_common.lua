-- Shared by every script, before its group's _lib.lua (Script.java puts both in front).
--
-- Every script opens with a header in one form (store/ScriptHeadersTest checks it against the script):
--   -- <name>: <what it does, in one sentence>.
--   -- <why, or what else to know: any number of lines, or none>
--   -- KEYS: <n> <what>, <n> <what>, ...         the keys it uses, itself or through the libraries
--   -- ARGV: <n> <what>, ..., <n>.. <what>         the arguments it reads, each position once; `none` for none
--   -- REPLY: {'<STATUS>', <item>, ...} | ...      every reply it gives; `a | b` inside braces: an item either way
-- A KEYS, ARGV or REPLY line goes on in lines that start `--      ` (six spaces). `<n>.. <what>` is a tail:
-- every argument from n on, one <what> each, or a group each where <what> names one in braces (`4.. {instance
-- id, user id}`: pairs). A last item written `<item>...` stands for any number of them (none too).
-- Meeting scripts are passed KEYS 1-3 and ARGV 1-2 by store/RedisCalls, and meeting/_lib.lua reads them: a
-- header declares KEYS[3] (the outbox) only where the script can reach it, through the library or itself.

-- A stream entry's or hash's flat {field, value, ...} list as a table.
local function fields(flat)
  local f = {}
  for i = 1, #flat, 2 do f[flat[i]] = flat[i + 1] end
  return f
end

-- The XRANGE start just after stream id `after`, or the very start for '0'.
local function after_id(after)
  if after == '0' then return '-' end
  return '(' .. after
end

-- Appends one audit record to <chain>:audit in the step of the action it records, numbered gap-free by
-- <chain>:audit:seq (entry ids <seq>-0). `actor` is {kind = root | user, id = user id or '0', role = their role};
-- `...` are further field, value pairs.
local function audit(chain, now, action, actor, target, before, after, requestId, ...)
  local seq = redis.call('INCR', chain .. ':audit:seq')
  redis.call('XADD', chain .. ':audit', seq .. '-0', 'at', now, 'action', action, 'outcome', 'ok',
      'actorKind', actor.kind, 'actorId', actor.id, 'actorRole', actor.role, 'target', target,
      'before', before, 'after', after, 'requestId', requestId, ...)
end

-- Entries a live feed keeps (about: trimmed with MAXLEN ~); older ones are in the logs.
local FEED_CAP = 10000
