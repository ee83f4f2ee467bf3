package org.convene.audit;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verifies an audit export offline, with the public key alone: in each chain every record follows the one before it
 * (its number one more, its {@code prev} the hash before it; a chain's first record in the export is its anchor,
 * trusted unless it is record 1, whose {@code prev} is empty, or the chain's own anchor record of a trim names
 * another hash for the record before it), every record's hash is that of its content, every
 * checkpoint is signed by the key, and every head a checkpoint signed is in the export with that hash (nothing cut off
 * behind a checkpoint, nothing rolled back). A personal field still held must match its digest under the salt the
 * export gives; an erased one (value and salt gone) is taken as its digest, which the hash covers. It names the first
 * line that breaks.
 */
public final class AuditVerifier {
    private AuditVerifier() {}

    /** What a verification found: whether all holds, and if not the first problem, with how much it read. */
    public record Verdict(boolean intact, String problem, long records, long checkpoints, long lastCheckpoint) {}

    /** Verifies the lines of an export, in the order they stand. */
    public static Verdict verify(List<AuditLine> lines, PublicKey key) {
        Map<String, Seal> last = new HashMap<>();
        Map<String, AuditLine.Sealed> firsts = new HashMap<>();
        Map<String, String> anchors = new HashMap<>();
        Map<String, Map<Long, String>> hashes = new HashMap<>();
        List<AuditLine.Signed> checkpoints = new ArrayList<>();
        long records = 0;
        for (AuditLine line : lines) {
            if (line instanceof AuditLine.Signed signed) {
                if (!SealKey.verifies(key, signed.checkpoint().signed(), signed.checkpoint().signature())) {
                    return broken("line " + line.line() + ": checkpoint " + signed.checkpoint().n()
                            + " is not signed by this key (or was altered)", records, checkpoints.size());
                }
                if (!SealKey.idOf(key).equals(signed.checkpoint().keyId())) {
                    return broken("line " + line.line() + ": checkpoint " + signed.checkpoint().n() + " names key "
                            + signed.checkpoint().keyId() + ", not this one", records, checkpoints.size());
                }
                checkpoints.add(signed);
                continue;
            }
            AuditLine.Sealed record = (AuditLine.Sealed) line;
            AuditEntry entry = record.entry();
            Seal seal = record.seal();
            String where = "line " + line.line() + " (" + entry.chain() + " #" + entry.seq() + ")";
            if (seal.seq() != entry.seq() || !seal.chain().equals(entry.chain())) {
                return broken(where + ": its seal is for another record", records, checkpoints.size());
            }
            Seal before = last.get(entry.chain());
            if (before == null) {
                if (entry.seq() == 1 && !seal.prev().isEmpty()) {
                    return broken(where + ": the chain's first record names a record before it", records, checkpoints.size());
                }
            } else if (entry.seq() != before.seq() + 1) {
                return broken(where + ": expected #" + (before.seq() + 1) + " after #" + before.seq() + " ("
                        + (entry.seq() > before.seq() + 1 ? "records missing" : "out of order or repeated") + ")",
                        records, checkpoints.size());
            } else if (!seal.prev().equals(before.hash())) {
                return broken(where + ": it does not follow the record before it", records, checkpoints.size());
            }
            for (String name : entry.personal()) {
                String digest = seal.digests().get(name);
                if (digest == null) return broken(where + ": its personal field " + name + " has no digest", records, checkpoints.size());
                String value = entry.fields().get(name);
                if (value == null) continue; // erased: the digest stands for it
                if (record.salt().isEmpty()) {
                    return broken(where + ": its personal field " + name + " is held, but not its salt, so it cannot be checked",
                            records, checkpoints.size());
                }
                if (!AuditChain.digest(record.salt(), value).equals(digest)) {
                    return broken(where + ": its personal field " + name + " does not match its digest (edited)",
                            records, checkpoints.size());
                }
            }
            if (!AuditChain.hash(seal.prev(), entry, seal.digests()).equals(seal.hash())) {
                return broken(where + ": its content does not match its hash (edited)", records, checkpoints.size());
            }
            last.put(entry.chain(), seal);
            firsts.putIfAbsent(entry.chain(), record);
            if ("chain_trimmed".equals(entry.fields().get("action")) && entry.fields().containsKey("through")) {
                anchors.put(entry.chain() + "#" + entry.fields().get("through"), entry.fields().getOrDefault("anchor", ""));
            }
            hashes.computeIfAbsent(entry.chain(), c -> new TreeMap<>()).put(entry.seq(), seal.hash());
            records++;
        }
        for (AuditLine.Sealed first : firsts.values()) {
            String anchor = anchors.get(first.entry().chain() + "#" + (first.entry().seq() - 1));
            if (anchor != null && !anchor.equals(first.seal().prev())) {
                return broken("line " + first.line() + " (" + first.entry().chain() + " #" + first.entry().seq()
                        + "): the chain was trimmed up to #" + (first.entry().seq() - 1) + " with another hash than it starts from",
                        records, checkpoints.size());
            }
        }
        for (AuditLine.Signed signed : checkpoints) {
            for (var head : signed.checkpoint().heads().entrySet()) {
                Map<Long, String> chain = hashes.get(head.getKey());
                if (chain == null || chain.isEmpty()) continue; // a chain this export does not cover
                long first = ((TreeMap<Long, String>) chain).firstKey();
                if (head.getValue().seq() < first) continue; // before the export's range
                String held = chain.get(head.getValue().seq());
                if (held == null) {
                    return broken("line " + signed.line() + ": checkpoint " + signed.checkpoint().n() + " signed "
                            + head.getKey() + " up to #" + head.getValue().seq() + ", but the export ends at #"
                            + ((TreeMap<Long, String>) chain).lastKey() + " (cut off or rolled back)", records, checkpoints.size());
                }
                if (!held.equals(head.getValue().hash())) {
                    return broken("line " + signed.line() + ": checkpoint " + signed.checkpoint().n() + " signed another "
                            + head.getKey() + " #" + head.getValue().seq() + " than the export holds (rewritten)",
                            records, checkpoints.size());
                }
            }
        }
        long lastCheckpoint = checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1).checkpoint().n();
        return new Verdict(true, "", records, checkpoints.size(), lastCheckpoint);
    }

    private static Verdict broken(String problem, long records, long checkpoints) {
        return new Verdict(false, problem, records, checkpoints, 0);
    }
}
