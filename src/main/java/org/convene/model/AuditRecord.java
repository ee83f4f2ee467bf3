package org.convene.model;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of an audit chain (a meeting's, or the users'): what was done, by whom, to what, with what it was before
 * and after, written in the same step as the action. {@code seq} numbers a chain without gaps; {@code details}
 * holds what the action adds (the instance, a reason, a message's author).
 */
public record AuditRecord(long seq, Instant at, String action, String outcome, Actor actor, String target,
                          String before, String after, String requestId, Map<String, String> details) {
    private static final java.util.Set<String> COMMON = java.util.Set.of("at", "action", "outcome", "actorKind", "actorId",
            "actorRole", "target", "before", "after", "requestId");

    public AuditRecord {
        if (seq < 1) throw RefusedException.invalid("seq", "must be 1 or more");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** Record {@code seq} of a chain from its fields as written (see audit() in the scripts' _common.lua). */
    public static AuditRecord of(long seq, Map<String, String> f) {
        Actor.Kind kind = Actor.Kind.valueOf(f.get("actorKind").toUpperCase(java.util.Locale.ROOT));
        Actor actor = new Actor(kind, Long.parseLong(f.getOrDefault("actorId", "0")), GlobalRole.stored(f.get("actorRole")));
        Map<String, String> details = new java.util.TreeMap<>();
        f.forEach((name, value) -> {
            if (!COMMON.contains(name)) details.put(name, value);
        });
        return new AuditRecord(seq, Instant.ofEpochMilli(Long.parseLong(f.get("at"))), f.get("action"), f.get("outcome"),
                actor, f.get("target"), f.get("before"), f.get("after"), f.getOrDefault("requestId", ""), details);
    }
}
