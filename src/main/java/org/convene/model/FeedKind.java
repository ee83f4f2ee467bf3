package org.convene.model;

/**
 * What a live feed entry reports. An instance's feed carries its events (with the events log's
 * names), its chat and its own activation and end; the lifecycle feed carries every instance's
 * scheduling, activation, end and deletion.
 */
public enum FeedKind {
    JOIN_MEETING("join_meeting", "join"),
    LEAVE_MEETING("leave_meeting", "leave"),
    TIMEOUT("timeout", "timeout"),
    CHAT("chat", "chat"),
    SCHEDULED("scheduled", "scheduled"),
    ACTIVATED("activated", "activated"),
    ENDED("ended", "ended"),
    DELETED("deleted", "deleted"),
    /** The "starting soon" notice of an instance whose meeting asks for one. */
    REMINDER("reminder", "reminder");

    private final String wireName;
    private final String storedName;

    FeedKind(String wireName, String storedName) {
        this.wireName = wireName;
        this.storedName = storedName;
    }

    /** The name clients see: an event's name in the events log ({@code join_meeting}...), else the kind. */
    public String wireName() {
        return wireName;
    }

    /** The event type this entry reports, if it reports one. */
    public EventType eventType() {
        return switch (this) {
            case JOIN_MEETING -> EventType.JOIN_MEETING;
            case LEAVE_MEETING -> EventType.LEAVE_MEETING;
            case TIMEOUT -> EventType.TIMEOUT;
            default -> null;
        };
    }

    /** Returns the kind written as {@code stored} in a feed stream (the scripts write short names). */
    public static FeedKind ofStored(String stored) {
        for (FeedKind kind : values()) if (kind.storedName.equals(stored)) return kind;
        throw new IllegalArgumentException("unknown feed kind '" + stored + "'");
    }
}
