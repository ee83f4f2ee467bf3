package org.convene.model;

import java.time.Instant;

/** The half-open interval [from, to) in which an instance is active; {@code to} is after {@code from}. */
public record TimeWindow(Instant from, Instant to) {
    /** The earliest instant a client may give: the epoch, since instants are kept as milliseconds from it. */
    public static final Instant EARLIEST = Instant.EPOCH;
    /** The latest: the last millisecond of year 9999, the last year of four digits. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    public TimeWindow {
        if (from == null) throw RefusedException.invalid("from", "is required");
        if (to == null) throw RefusedException.invalid("to", "is required");
        if (!to.isAfter(from)) throw RefusedException.invalid("to", "must be after from (" + from + "), was " + to);
        within("from", from);
        within("to", to);
    }

    /** Returns {@code at} if it lies between 1970 and 9999, as every instant a client gives must, or refuses naming {@code field}. */
    public static Instant within(String field, Instant at) {
        // Compared, not turned into milliseconds: a year such as +999999999 overflows a long of them.
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw RefusedException.invalid(field, "must lie between 1970 and 9999, was " + at);
        }
        return at;
    }
}
