package org.convene.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One person's presence in one instance: every segment, in order; the name is the one they joined with. */
public record Attendee(long userId, String name, List<Segment> segments) {
    public Attendee {
        Check.positiveId("user id", userId);
        if (segments == null || segments.isEmpty()) throw new IllegalArgumentException("an attendee has a segment");
        segments = List.copyOf(segments);
    }

    /** When they first joined. */
    public Instant firstJoin() {
        return segments.get(0).joinedAt();
    }

    /** When they last left, or null while they are inside. */
    public Instant lastLeave() {
        return segments.get(segments.size() - 1).leftAt();
    }

    /** Whether they are inside now. */
    public boolean inside() {
        return segments.get(segments.size() - 1).open();
    }

    /** How many times they came back after leaving. */
    public int rejoins() {
        return segments.size() - 1;
    }

    /** Their time inside, counting an open segment up to {@code now}. */
    public Duration present(Instant now) {
        Duration total = Duration.ZERO;
        for (Segment segment : segments) total = total.plus(segment.length(now));
        return total;
    }
}
