package org.convene.audit;

import java.util.Map;
import java.util.TreeMap;

/**
 * One audit record as its chain stores it: the chain ({@code users}, {@code meeting:<id>}), its gap-free number and
 * its fields as written (at, action, outcome, actorKind, actorId, actorRole, target, before, after, requestId, and
 * what the action adds), kept in name order so that its canonical form is one.
 */
public record AuditEntry(String chain, long seq, Map<String, String> fields) {
    public AuditEntry {
        if (chain == null || !chain.matches("users|hooks|meeting:\\d+")) throw new IllegalArgumentException("chain: was " + chain);
        if (seq < 1) throw new IllegalArgumentException("seq: must be 1 or more, was " + seq);
        fields = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(fields));
    }
}
