package org.convene.model;

import java.time.Instant;

/**
 * One entry of an instance's events log; {@code id} counts 1, 2, 3... within the instance.
 * {@code reason} says why a leave happened that the user did not ask for ({@code removed}); null otherwise.
 */
public record Event(long id, EventType type, long userId, long instanceId, Instant timestamp, String reason) {

    /** An event the user's own action or the schedule made. */
    public Event(long id, EventType type, long userId, long instanceId, Instant timestamp) {
        this(id, type, userId, instanceId, timestamp, null);
    }
}
