package org.convene.model;

import java.time.Instant;

/**
 * One scheduled occurrence of a meeting. {@code orderId} numbers a meeting's instances 1, 2, 3...
 * in the order they were created; {@code status} is as stored, {@link #effectiveStatus} also reads the clock.
 * {@code endedAt} is when it actually ended, once the end was applied (null before); {@code series} ties an
 * occurrence of a recurring series to it (null for an instance scheduled on its own).
 */
public record MeetingInstance(long id, long meetingId, long orderId, TimeWindow window, InstanceStatus status,
                              Instant endedAt, SeriesLink series) {
    public MeetingInstance {
        Check.positiveId("instance id", id);
        Check.positiveId("meeting id", meetingId);
    }

    /** An instance whose end has not been applied. */
    public MeetingInstance(long id, long meetingId, long orderId, TimeWindow window, InstanceStatus status) {
        this(id, meetingId, orderId, window, status, null, null);
    }

    /** An instance of no series. */
    public MeetingInstance(long id, long meetingId, long orderId, TimeWindow window, InstanceStatus status, Instant endedAt) {
        this(id, meetingId, orderId, window, status, endedAt, null);
    }

    /** When it ended: when its end was applied, or else its window's end; null while it has not ended. */
    public Instant endedAtOrEnd() {
        if (status != InstanceStatus.ENDED) return null;
        return endedAt != null ? endedAt : to();
    }

    /** Whether the administrator ended it before its window's end (only they can). */
    public boolean endedEarly() {
        return endedAt != null && endedAt.isBefore(to());
    }

    public Instant from() {
        return window.from();
    }

    public Instant to() {
        return window.to();
    }

    /** Returns the status at {@code now}: ended once {@code to} has passed, active inside the window unless ended early. */
    public InstanceStatus effectiveStatus(Instant now) {
        if (status == InstanceStatus.ENDED || !now.isBefore(to())) return InstanceStatus.ENDED;
        return now.isBefore(from()) ? InstanceStatus.SCHEDULED : InstanceStatus.ACTIVE;
    }
}
