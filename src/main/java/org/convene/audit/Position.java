package org.convene.audit;

import java.time.Instant;

/**
 * A place in the whole trail read newest first: records are ordered by when they were written, then by
 * {@code <chain>#<seq>} (descending, as the index orders records of one millisecond); a position is just after
 * {@code record} written at {@code at}, or before everything written at {@code at} when {@code record} is null.
 */
public record Position(Instant at, String record) {
    public Position {
        if (at == null) throw new IllegalArgumentException("at: is required");
        if (record != null && !record.matches("(users|hooks|meeting:\\d+)#\\d+")) {
            throw new IllegalArgumentException("record: must be <chain>#<seq>, was " + record);
        }
    }

    /** Before everything written at {@code at}. */
    public static Position before(Instant at) {
        return new Position(at, null);
    }

    /** Just after {@code entry} in the newest-first order. */
    public static Position after(AuditEntry entry) {
        return new Position(Instant.ofEpochMilli(Long.parseLong(entry.fields().getOrDefault("at", "0"))),
                entry.chain() + "#" + entry.seq());
    }
}
