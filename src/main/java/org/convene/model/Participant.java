package org.convene.model;

import java.time.Instant;

/** A user currently in an instance, with the name they had and the time of their latest join. */
public record Participant(long userId, String name, Instant joinedAt) {}
