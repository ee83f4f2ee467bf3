package org.convene.model;

import java.time.Instant;

/** A successful join: the event it wrote and when. */
public record JoinResult(long userId, long instanceId, long eventId, Instant joinedAt) implements JoinOutcome {}
