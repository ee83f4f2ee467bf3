package org.convene.audit;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the sealer adds to record {@code seq} of a chain: the hash of the record before it ({@code prev}, empty for the
 * first) and its own, SHA-256 in hex over {@code prev} and the record's canonical form (see {@link AuditChain}), and
 * the salted digest of each of its personal fields, which the canonical form holds in their place.
 */
public record Seal(String chain, long seq, String prev, String hash, Map<String, String> digests) {
    public Seal {
        if (seq < 1) throw new IllegalArgumentException("seq: must be 1 or more, was " + seq);
        if (prev == null || !(prev.isEmpty() || prev.matches("[0-9a-f]{64}"))) throw new IllegalArgumentException("prev: " + prev);
        if (hash == null || !hash.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("hash: " + hash);
        digests = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(digests == null ? Map.of() : digests));
        for (var d : digests.entrySet()) {
            if (!d.getKey().startsWith("p.") || !d.getValue().matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("digests: " + d.getKey() + "=" + d.getValue());
            }
        }
    }

    /** The seal of a record with no personal fields. */
    public Seal(String chain, long seq, String prev, String hash) {
        this(chain, seq, prev, hash, Map.of());
    }
}
