package org.convene.model;

import java.time.Instant;

/** The half-open interval [from, to) in which an instance is active; {@code to} is after {@code from}. */
public record TimeWindow(Instant from, Instant to) {
    public TimeWindow {
        if (from == null) throw RefusedException.invalid("from", "is required");
        if (to == null) throw RefusedException.invalid("to", "is required");
        if (!to.isAfter(from)) throw RefusedException.invalid("to", "must be after from (" + from + "), was " + to);
        if (from.toEpochMilli() < 0 || to.toEpochMilli() > 253402300799999L) {
            throw RefusedException.invalid("from/to", "must lie between 1970 and 9999");
        }
    }
}
