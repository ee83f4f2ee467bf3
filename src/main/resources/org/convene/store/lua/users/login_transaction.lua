-- login_transaction: keeps a sign-in through the identity provider between its start and its callback, taken once.
-- Any node may take the callback, since the transaction (PKCE verifier, nonce, where to return) is here, not in a
-- node's memory; taking it deletes it in the same step, so a replayed state finds nothing.
-- KEYS: 1 users base
-- ARGV: 1 'save' | 'take', 2 state, 3 transaction (save), 4 time to live (ms, save)
-- REPLY: {'OK'} | {'OK', transaction} | {'NOT_FOUND'}
local key = base .. ':login:' .. ARGV[2]
if ARGV[1] == 'save' then
  redis.call('SET', key, ARGV[3], 'PX', ARGV[4])
  return {'OK'}
end
local tx = redis.call('GET', key)
if not tx then return {'NOT_FOUND'} end
redis.call('DEL', key)
return {'OK', tx}
