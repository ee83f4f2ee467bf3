package org.convene.model;

import java.time.Instant;

/**
 * A join that must wait in the instance's lobby until a host admits them: their place in the queue (1 first) and when
 * their wait lapses unless renewed (by polling their place, asking to join again, or an open stream).
 */
public record Waiting(long userId, long instanceId, int position, Instant lapsesAt) implements JoinOutcome {
    public Waiting {
        Check.positiveId("user id", userId);
        Check.positiveId("instance id", instanceId);
        if (position < 1) throw new IllegalArgumentException("position must be 1 or more, was " + position);
        if (lapsesAt == null) throw new IllegalArgumentException("lapsesAt is required");
    }
}
