package org.convene.model;

/** A stored meeting; {@code version} grows with every change, for optimistic updates. */
public record Meeting(long id, MeetingDetails details, long version) {
    public Meeting {
        Check.positiveId("meeting id", id);
        if (details == null) throw RefusedException.invalid("meeting", "details are required");
    }
}
