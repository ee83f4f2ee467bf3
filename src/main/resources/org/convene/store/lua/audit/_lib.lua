-- Shared by the audit scripts. Script.java prepends this file (after _common.lua). A chain's records live in the slot
-- of what they are about (a meeting's, the users'), written by the action's own script (audit() in _common.lua):
--   KEYS[1] = the chain's base: convene:{m:<id>} or convene:{users}; or convene:{audit} for the sealer's own keys
--   <base>:audit            stream  <seq>-0: the records (see _common.lua)
--   <base>:audit:seals      stream  <seq>-0: prev hash [digests]: each record's seal, added by the sealer (SHA-256, in
--                                   hex; digests 'p.<x>=<hex>,...': its personal fields' salted digests)
--   <base>:audit:personal   hash    '<seq>/p.<x>' -> a personal field's value (deleted when the person is erased)
--   convene:{audit}:sealer  string  the node holding the sealer's lease (expires)
local base = KEYS[1]
