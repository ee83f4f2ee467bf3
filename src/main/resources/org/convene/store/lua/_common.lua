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

-- Appends one audit record with its outcome ('ok'; 'refused' for a sampled refusal) to <chain>:audit in the step of the action it records, numbered gap-free by
-- <chain>:audit:seq (entry ids <seq>-0). `actor` is {kind = root | user, id = user id or '0', role = their role};
-- `...` are further field, value pairs. A field named `p.<x>` is personal (a name, an e-mail, a reason written
-- about someone): its value is kept aside in <chain>:audit:personal ('<seq>/p.<x>' -> value, where erasing the
-- person deletes it) and the record lists its name in `personal`; `subject` names the person (a user id). The
-- sealer seals a salted digest of it (audit/AuditChain), so that the chain still verifies once it is erased.
local function audit_as(outcome, chain, now, action, actor, target, before, after, requestId, ...)
  local seq = redis.call('INCR', chain .. ':audit:seq')
  local more, extra, personal = {...}, {}, {}
  for i = 1, #more, 2 do
    if string.sub(more[i], 1, 2) == 'p.' then
      personal[#personal + 1] = more[i]
      redis.call('HSET', chain .. ':audit:personal', seq .. '/' .. more[i], more[i + 1])
    else
      extra[#extra + 1] = more[i]
      extra[#extra + 1] = more[i + 1]
    end
  end
  if #personal > 0 then
    extra[#extra + 1] = 'personal'
    extra[#extra + 1] = table.concat(personal, ',')
  end
  redis.call('XADD', chain .. ':audit', seq .. '-0', 'at', now, 'action', action, 'outcome', outcome,
      'actorKind', actor.kind, 'actorId', actor.id, 'actorRole', actor.role, 'target', target,
      'before', before, 'after', after, 'requestId', requestId, unpack(extra))
  return seq
end

-- The record of what was done (outcome 'ok'); see audit_as.
local function audit(chain, now, action, actor, target, before, after, requestId, ...)
  return audit_as('ok', chain, now, action, actor, target, before, after, requestId, ...)
end

-- Entries a live feed keeps (about: trimmed with MAXLEN ~); older ones are in the logs.
local FEED_CAP = 10000
