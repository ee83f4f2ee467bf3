package org.convene.model;

import java.time.Instant;

/**
 * One entry of an instance's live feed: a join, leave or timeout (with its event number, and the
 * reason of a leave the user did not ask for), a chat message (with its number and text), the
 * instance's activation or end, or what a host did (with the {@code actor}: {@code root} or {@code user:<id>}).
 */
public record InstanceActivity(StreamPosition position, FeedKind kind, long instanceId, long meetingId, long userId,
                               long number, Instant at, String text, String reason, String actor) implements FeedEntry {
    /** An entry that no host caused. */
    public InstanceActivity(StreamPosition position, FeedKind kind, long instanceId, long meetingId, long userId,
                            long number, Instant at, String text, String reason) {
        this(position, kind, instanceId, meetingId, userId, number, at, text, reason, null);
    }
}
