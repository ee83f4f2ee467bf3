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
    public AuditRecord {
        if (seq < 1) throw RefusedException.invalid("seq", "must be 1 or more");
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
