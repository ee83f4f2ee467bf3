package org.convene.model;

import java.util.List;
import java.util.OptionalLong;

/**
 * A stored meeting; {@code version} grows with every change, for optimistic updates. Its owner, the user
 * who runs it, is set when it is made; a meeting made by root without naming one, or before owners
 * existed, has none and is run by the administrators. Its co-hosts (by user id, ascending) keep order in it
 * beside the owner; its options say how.
 */
public record Meeting(long id, MeetingDetails details, long version, OptionalLong owner, List<Long> cohosts,
                      MeetingOptions options) {
    public Meeting {
        Check.positiveId("meeting id", id);
        if (details == null) throw RefusedException.invalid("meeting", "details are required");
        if (owner == null) owner = OptionalLong.empty();
        cohosts = cohosts == null ? List.of() : List.copyOf(cohosts);
        if (options == null) options = MeetingOptions.DEFAULT;
    }

    /** A meeting without co-hosts, with the default options. */
    public Meeting(long id, MeetingDetails details, long version, OptionalLong owner) {
        this(id, details, version, owner, List.of(), MeetingOptions.DEFAULT);
    }

    /** A meeting without an owner. */
    public Meeting(long id, MeetingDetails details, long version) {
        this(id, details, version, OptionalLong.empty());
    }

    /** Whether user {@code userId} owns the meeting. */
    public boolean ownedBy(long userId) {
        return owner.isPresent() && owner.getAsLong() == userId;
    }

    /** Whether user {@code userId} is one of the meeting's co-hosts. */
    public boolean cohostedBy(long userId) {
        return cohosts.contains(userId);
    }

    /** The ids of a meeting hash's field {@code cohosts} (ids joined by commas; absent or empty: none). */
    public static List<Long> cohosts(String stored) {
        if (stored == null || stored.isEmpty()) return List.of();
        return java.util.Arrays.stream(stored.split(",")).map(Long::parseLong).sorted().toList();
    }
}
