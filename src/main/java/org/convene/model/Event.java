package org.convene.model;

import java.time.Instant;

/** One entry of an instance's events log; {@code id} counts 1, 2, 3... within the instance. */
public record Event(long id, EventType type, long userId, long instanceId, Instant timestamp) {}
