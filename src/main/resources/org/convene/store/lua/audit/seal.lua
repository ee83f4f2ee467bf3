-- seal: the sealer adds the seals of a chain's next records, if the chain's last seal is still the one it read.
-- A compare-and-set on the head, so that two sealers never fork a chain: the loser changes nothing and reads again.
-- KEYS: 1 the chain's base
-- ARGV: 1 the seal number the sealer read last (0: none), 2.. {seq, prev, hash, digests ('p.x=<hex>,...' or '')}
-- REPLY: {'OK', seals added} | {'MOVED', the last seal's number}
local expected = tonumber(ARGV[1])
local seals = base .. ':audit:seals'
local head = redis.call('XREVRANGE', seals, '+', '-', 'COUNT', 1)[1]
local at = head and tonumber(string.match(head[1], '^(%d+)')) or 0
if at ~= expected then return {'MOVED', at} end
local added = 0
for i = 2, #ARGV, 4 do
  if ARGV[i + 3] == '' then
    redis.call('XADD', seals, ARGV[i] .. '-0', 'prev', ARGV[i + 1], 'hash', ARGV[i + 2])
  else
    redis.call('XADD', seals, ARGV[i] .. '-0', 'prev', ARGV[i + 1], 'hash', ARGV[i + 2], 'digests', ARGV[i + 3])
  end
  added = added + 1
end
return {'OK', added}
