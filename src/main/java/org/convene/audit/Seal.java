package org.convene.audit;

/**
 * What the sealer adds to record {@code seq} of a chain: the hash of the record before it ({@code prev}, empty for the
 * first) and its own, SHA-256 in hex over {@code prev} and the record's canonical form (see {@link AuditChain}).
 */
public record Seal(String chain, long seq, String prev, String hash) {
    public Seal {
        if (seq < 1) throw new IllegalArgumentException("seq: must be 1 or more, was " + seq);
        if (prev == null || !(prev.isEmpty() || prev.matches("[0-9a-f]{64}"))) throw new IllegalArgumentException("prev: " + prev);
        if (hash == null || !hash.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("hash: " + hash);
    }
}
