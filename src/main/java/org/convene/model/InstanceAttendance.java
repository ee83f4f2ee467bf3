package org.convene.model;

import java.util.List;

/**
 * What the store keeps of who was in an instance: the instance (with when it ended), each attendee's segments, and
 * each waiter's time in its lobby.
 */
public record InstanceAttendance(MeetingInstance instance, List<Attendee> attendees, List<WaitedPerson> waited) {
    public InstanceAttendance {
        if (instance == null) throw new IllegalArgumentException("instance is required");
        attendees = List.copyOf(attendees);
        waited = waited == null ? List.of() : List.copyOf(waited);
    }

    /** An instance nobody waited for. */
    public InstanceAttendance(MeetingInstance instance, List<Attendee> attendees) {
        this(instance, attendees, List.of());
    }
}
