package org.convene.model;

import java.time.Instant;
import java.util.List;

/**
 * What the store keeps of who was in an instance: the instance, when it actually ended (null while
 * it has not), and each attendee's segments.
 */
public record InstanceAttendance(MeetingInstance instance, Instant endedAt, List<Attendee> attendees) {
    public InstanceAttendance {
        if (instance == null) throw new IllegalArgumentException("instance is required");
        attendees = List.copyOf(attendees);
    }
}
