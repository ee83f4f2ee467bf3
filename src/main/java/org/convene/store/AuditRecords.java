package org.convene.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.convene.model.Actor;
import org.convene.model.AuditRecord;
import org.convene.model.GlobalRole;

/** Audit records as a chain's stream keeps them (see audit() in lua/_common.lua): entry id {@code <seq>-0}. */
final class AuditRecords {
    private static final Set<String> COMMON = Set.of("at", "action", "outcome", "actorKind", "actorId", "actorRole",
            "target", "before", "after", "requestId");

    private AuditRecords() {}

    /** The record of one stream entry. */
    static AuditRecord of(String id, Map<String, String> f) {
        Actor.Kind kind = Actor.Kind.valueOf(f.get("actorKind").toUpperCase(java.util.Locale.ROOT));
        Actor actor = new Actor(kind, Long.parseLong(f.getOrDefault("actorId", "0")), GlobalRole.stored(f.get("actorRole")));
        Map<String, String> details = new HashMap<>();
        f.forEach((name, value) -> {
            if (!COMMON.contains(name)) details.put(name, value);
        });
        return new AuditRecord(Replies.streamNumber(id), Instant.ofEpochMilli(Long.parseLong(f.get("at"))), f.get("action"),
                f.get("outcome"), actor, f.get("target"), f.get("before"), f.get("after"), f.get("requestId"), details);
    }
}
