package org.convene.model;

import java.time.Instant;

/**
 * One entry of the lifecycle feed: an instance scheduled (or moved), activated, ended or deleted,
 * with its window where the change records one ({@code null} for an end by the administrator or a deletion).
 */
public record LifecycleChange(StreamPosition position, FeedKind kind, long instanceId, long meetingId,
                              Instant from, Instant to) implements FeedEntry {}
