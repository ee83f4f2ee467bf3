package org.convene.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Someone who waited in an occurrence's lobby: every stretch of their waiting, in order, and the name they waited under. */
public record WaitedPerson(long userId, String name, List<Wait> waits) {
    public WaitedPerson {
        Check.positiveId("user id", userId);
        if (waits == null || waits.isEmpty()) throw new IllegalArgumentException("someone who waited has a wait");
        waits = List.copyOf(waits);
    }

    /** Their time waiting, counting an open wait up to {@code now}. */
    public Duration waited(Instant now) {
        Duration total = Duration.ZERO;
        for (Wait wait : waits) total = total.plus(wait.length(now));
        return total;
    }
}
