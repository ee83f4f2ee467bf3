package org.convene.model;

import java.util.List;

/** What the store keeps of who was in an instance: the instance (with when it ended), and each attendee's segments. */
public record InstanceAttendance(MeetingInstance instance, List<Attendee> attendees) {
    public InstanceAttendance {
        if (instance == null) throw new IllegalArgumentException("instance is required");
        attendees = List.copyOf(attendees);
    }
}
