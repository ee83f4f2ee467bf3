package org.convene.model;

import java.time.Instant;

/**
 * One entry of an instance's live feed: a join, leave or timeout (with its event number, and the
 * reason of a leave the user did not ask for), a chat message (with its number and text), or the
 * instance's activation or end.
 */
public record InstanceActivity(StreamPosition position, FeedKind kind, long instanceId, long meetingId, long userId,
                               long number, Instant at, String text, String reason) implements FeedEntry {}
