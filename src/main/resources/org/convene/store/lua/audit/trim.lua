-- trim: takes a chain's sealed records older than its retention away, leaving an anchor record in their place.
-- The anchor (action chain_trimmed, by the system) names the last record taken and its hash: it is sealed after the
-- chain's head like any record, so an export that starts after a trim starts from a hash the chain itself vouches
-- for. Only sealed records go (never the chain's last seal, which the sealer goes on from), and the personal fields
-- kept beside them with them.
-- KEYS: 1 the chain's base
-- ARGV: 1 the chain's name, 2 cutoff (ms: records written before it go), 3 sealed through (the chain's last seal),
--      4 now (ms), 5 retention (days, for the record)
-- REPLY: {'OK', the last record taken (0: none)}
local cutoff, sealed = tonumber(ARGV[2]), tonumber(ARGV[3])
local records = base .. ':audit'
local through, hash = 0, nil
local personal = {}
for _, e in ipairs(redis.call('XRANGE', records, '-', '+', 'COUNT', 1000)) do
  local seq = tonumber(string.match(e[1], '^(%d+)'))
  local f = fields(e[2])
  if seq >= sealed or tonumber(f.at) >= cutoff then break end
  through = seq
  if f.personal and f.personal ~= '' then
    for name in string.gmatch(f.personal, '[^,]+') do personal[#personal + 1] = seq .. '/' .. name end
  end
end
if through == 0 then return {'OK', 0} end
local seal = redis.call('XRANGE', records .. ':seals', through .. '-0', through .. '-0')[1]
if not seal then return {'OK', 0} end
hash = fields(seal[2]).hash
redis.call('XTRIM', records, 'MINID', (through + 1) .. '-0')
redis.call('XTRIM', records .. ':seals', 'MINID', (through + 1) .. '-0')
if #personal > 0 then redis.call('HDEL', records .. ':personal', unpack(personal)) end
audit(base, ARGV[4], 'chain_trimmed', {kind = 'system', id = '0', role = 'admin'}, 'chain:' .. ARGV[1],
    'records to #' .. through, 'anchor', '', 'through', through, 'anchor', hash, 'retentionDays', ARGV[5])
return {'OK', through}
