-- begin: what a worker is to send for a work entry: the head of its lane.
-- {'NONE'}: nothing to send (lane empty, endpoint gone, message expired), the entry is done; {'PARKED'}:
-- the endpoint is disabled and the lane waits for it to be enabled.
-- KEYS: 1 hooks base
-- ARGV: 1 work entry id, 2 lane (<eid>:<iid>), 3 now (ms)
-- REPLY: {'DELIVER', delivery id, url, secret, previous secret ('' none), previous until (ms, '0' none),
--      message id, payload, attempts so far, created (ms)} | {'NONE'} | {'PARKED'}
return head(ARGV[1], ARGV[2], ARGV[3])
