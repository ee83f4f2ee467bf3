package org.convene.core.port;

import java.time.Instant;

/** Allowances shared by every node: token buckets kept where all of them see the same one. */
public interface Allowances {

    /**
     * Takes one from allowance {@code key} of {@code perMinute} a minute (a burst of that many, refilled
     * continuously) at {@code now}; returns 0 if there was one, else the seconds until there is.
     */
    int take(String key, int perMinute, Instant now);
}
