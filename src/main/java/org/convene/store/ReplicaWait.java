package org.convene.store;

import java.time.Duration;

/**
 * How many replicas must hold a write before Convene acknowledges it ({@code CONVENE_REDIS_WAIT_REPLICAS},
 * default 0), and how long it waits for them ({@code CONVENE_REDIS_WAIT_MS}, default 1000). Redis replicates
 * asynchronously: a write its primary acknowledged can vanish when that primary dies before a replica has
 * it. With a count above 0, every script that writes is followed by Redis {@code WAIT}; a write fewer
 * replicas confirmed in time is reported as not confirmed (its outcome unknown), never as done.
 */
public record ReplicaWait(int replicas, Duration timeout) {
    /** No waiting: Redis's own asynchronous replication. */
    public static final ReplicaWait NONE = new ReplicaWait(0, Duration.ofSeconds(1));

    public ReplicaWait {
        if (replicas < 0 || replicas > 5) {
            throw new IllegalArgumentException("CONVENE_REDIS_WAIT_REPLICAS must be between 0 and 5, was " + replicas);
        }
        if (timeout.toMillis() < 10 || timeout.toMillis() > 60_000) {
            throw new IllegalArgumentException("CONVENE_REDIS_WAIT_MS must be between 10 and 60000, was " + timeout.toMillis());
        }
    }

    /** Whether writes wait for replicas at all. */
    public boolean enabled() {
        return replicas > 0;
    }
}
