package org.convene.model;

import java.time.Duration;
import java.time.Instant;

/**
 * One stretch of someone's presence in an instance: from a join to what ended it; {@code leftAt}
 * and {@code endedBy} are null while they are still inside.
 */
public record Segment(Instant joinedAt, Instant leftAt, SegmentEnd endedBy) {
    public Segment {
        if (joinedAt == null) throw new IllegalArgumentException("joinedAt is required");
        if ((leftAt == null) != (endedBy == null)) throw new IllegalArgumentException("leftAt and endedBy go together");
        if (leftAt != null && leftAt.isBefore(joinedAt)) throw new IllegalArgumentException("leftAt is before joinedAt");
    }

    /** Whether they are still inside. */
    public boolean open() {
        return leftAt == null;
    }

    /** Where the segment ends for counting: when they left, or {@code now} while they are inside. */
    public Instant until(Instant now) {
        return leftAt != null ? leftAt : now.isBefore(joinedAt) ? joinedAt : now;
    }

    /** How long it lasted, or has lasted by {@code now}. */
    public Duration length(Instant now) {
        return Duration.between(joinedAt, until(now));
    }
}
