package org.convene.model;

import java.time.Instant;

/** A successful leave: the event it wrote and when. */
public record LeaveResult(long userId, long instanceId, long eventId, Instant leftAt) {}
