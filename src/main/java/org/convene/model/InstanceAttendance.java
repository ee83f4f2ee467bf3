package org.convene.model;

import java.util.List;

/**
 * What the store keeps of who was in an instance: the instance (with when it ended), each attendee's segments,
 * each waiter's time in its lobby, and which of them came as guests (by a guest link).
 */
public record InstanceAttendance(MeetingInstance instance, List<Attendee> attendees, List<WaitedPerson> waited,
                                 java.util.Set<Long> guests) {
    public InstanceAttendance {
        if (instance == null) throw new IllegalArgumentException("instance is required");
        attendees = List.copyOf(attendees);
        waited = waited == null ? List.of() : List.copyOf(waited);
        guests = guests == null ? java.util.Set.of() : java.util.Set.copyOf(guests);
    }

    /** An instance nobody waited for and no guest came to. */
    public InstanceAttendance(MeetingInstance instance, List<Attendee> attendees) {
        this(instance, attendees, List.of(), java.util.Set.of());
    }
}
