-- guest_create: makes the identity a guest link gives, for one occurrence, with its API token's hash.
-- A guest is a user of role `guest` whose `guestOf` names the instance and `guestLink` the link: kept out of the
-- users' list and the e-mail index (their address, guest-<id>@guest.invalid, can be no one's), and signing in with
-- the token only. The link was checked in its meeting's slot just before; the join checks it again in its own step.
-- KEYS: 1 users base
-- ARGV: 1 name, 2 instance id, 3 link id, 4 token hash, 5 now (ms)
-- REPLY: {'OK', user id}
local name, iid, link, hash, now = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local uid = tostring(redis.call('INCR', base .. ':next'))
redis.call('HSET', ukey(uid), 'id', uid, 'name', name, 'age', 0, 'noAge', 1, 'gender', '', 'email', 'guest-' .. uid .. '@guest.invalid',
    'version', 1, 'role', 'guest', 'guestOf', iid, 'guestLink', link, 'tokenHash', hash)
redis.call('HSET', base .. ':tokens', hash, uid)
audit(base, now, 'guest_created', {kind = 'system', id = '0', role = 'admin'}, 'user:' .. uid, '',
    'guest of instance ' .. iid .. ' by link ' .. link, '', 'subject', uid, 'p.name', name)
return {'OK', tonumber(uid)}
