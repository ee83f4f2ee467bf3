-- open_index: brings the index of who may join a meeting in line with one saved version of it.
-- It serves the personal calendar feeds, which read only the meetings it names and check each against the meeting.
-- A projection of the meeting's own keys (another slot): the meeting's script writes first, then this is
-- applied, and applying it again is harmless. A version older than the one applied last is ignored, so
-- that two saves applied out of order leave the later one; a deletion is a version above every other, and
-- its tombstone lasts a day (ids are never reused; a save applied later than that is not expected).
-- Keys under the base:
--   <base>:open:public         set   ids of public meetings
--   <base>:open:email:<e-mail> set   ids of private meetings with that (normalised) e-mail in their audience
--   <base>:open:meeting:<id>   hash  v (version applied, or 'deleted'), public (0/1), audience (e-mails, '\n')
-- KEYS: 1 catalog base
-- ARGV: 1 meeting id, 2 version (or 'deleted'), 3 public (0/1), 4.. the audience's e-mails
-- REPLY: {'OK', 1 applied | 0 older than what was applied}
local mid, version, public = ARGV[1], ARGV[2], ARGV[3]
local entry = base .. ':open:meeting:' .. mid
local applied = redis.call('HMGET', entry, 'v', 'public', 'audience')
if applied[1] == 'deleted' then return {'OK', 0} end
if applied[1] and version ~= 'deleted' and tonumber(applied[1]) > tonumber(version) then return {'OK', 0} end
local wanted = {}
if version ~= 'deleted' and public == '0' then
  for i = 4, #ARGV do wanted[ARGV[i]] = true end
end
if applied[3] then
  for email in string.gmatch(applied[3], '[^\n]+') do
    if not wanted[email] then redis.call('SREM', base .. ':open:email:' .. email, mid) end
  end
end
local audience = {}
for email in pairs(wanted) do
  redis.call('SADD', base .. ':open:email:' .. email, mid)
  audience[#audience + 1] = email
end
table.sort(audience)
if version ~= 'deleted' and public == '1' then
  redis.call('SADD', base .. ':open:public', mid)
else
  redis.call('SREM', base .. ':open:public', mid)
end
if version == 'deleted' then
  redis.call('DEL', entry)
  redis.call('HSET', entry, 'v', 'deleted')
  redis.call('PEXPIRE', entry, 86400000)
else
  redis.call('HSET', entry, 'v', version, 'public', public, 'audience', table.concat(audience, '\n'))
end
return {'OK', 1}
