package org.convene.model;

import java.util.OptionalLong;

/**
 * A stored meeting; {@code version} grows with every change, for optimistic updates. Its owner, the user
 * who runs it, is set when it is made; a meeting made by root without naming one, or before owners
 * existed, has none and is run by the administrators.
 */
public record Meeting(long id, MeetingDetails details, long version, OptionalLong owner) {
    public Meeting {
        Check.positiveId("meeting id", id);
        if (details == null) throw RefusedException.invalid("meeting", "details are required");
        if (owner == null) owner = OptionalLong.empty();
    }

    /** A meeting without an owner. */
    public Meeting(long id, MeetingDetails details, long version) {
        this(id, details, version, OptionalLong.empty());
    }

    /** Whether user {@code userId} owns the meeting. */
    public boolean ownedBy(long userId) {
        return owner.isPresent() && owner.getAsLong() == userId;
    }
}
