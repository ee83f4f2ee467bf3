package org.convene.model;

import java.time.Instant;

/** A user banned from a meeting's instances: for good ({@code until} null) or until a time, with a reason (may be empty). */
public record Ban(long meetingId, long userId, Instant until, String reason) {
    /** The longest reason kept. */
    public static final int MAX_REASON = 500;

    public Ban {
        Check.positiveId("meeting id", meetingId);
        Check.positiveId("user id", userId);
        reason = reason == null ? "" : Check.text("reason", Check.withoutBidiControls("reason", reason), MAX_REASON, true);
    }

    /** Whether the ban still holds at {@code now}. */
    public boolean holdsAt(Instant now) {
        return until == null || until.isAfter(now);
    }
}
