package org.convene.model;

import java.time.Duration;
import java.time.Instant;

/** One stretch of waiting in an occurrence's lobby: from when they knocked to how it ended ({@code to} null while waiting). */
public record Wait(Instant from, Instant to, WaitEnd end) {
    public Wait {
        if (from == null) throw new IllegalArgumentException("from is required");
        if ((to == null) != (end == null)) throw new IllegalArgumentException("to and end go together");
    }

    /** How long it lasted, or has lasted by {@code now}. */
    public Duration length(Instant now) {
        Instant until = to != null ? to : now;
        return until.isBefore(from) ? Duration.ZERO : Duration.between(from, until);
    }
}
