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
    REMINDER("reminder", "reminder"),
    /** A host took the user out (after the leave whose reason is kicked). */
    PARTICIPANT_REMOVED("participant_removed", "participant_removed"),
    PARTICIPANT_BANNED("participant_banned", "participant_banned"),
    PARTICIPANT_UNBANNED("participant_unbanned", "participant_unbanned"),
    /** Message {@code number} is gone from every read. */
    MESSAGE_DELETED("message_deleted", "message_deleted"),
    /** Every message so far is gone; {@code number} says how many. */
    CHAT_CLEARED("chat_cleared", "chat_cleared"),
    /** The meeting's options changed: read it again. */
    OPTIONS_CHANGED("options_changed", "options_changed"),
    /** The user became a co-host, or is one no more. */
    ROLE_CHANGED("role_changed", "role_changed"),
    /** The meeting has a new owner, the user. */
    OWNER_TRANSFERRED("owner_transferred", "owner_transferred"),
    /** The user waits in the lobby, at position {@code number}. Lobby entries go to the hosts and to the user alone. */
    LOBBY_WAITING("lobby_waiting", "lobby_waiting"),
    /** A host admitted the user: a seat is kept for them. */
    LOBBY_ADMITTED("lobby_admitted", "lobby_admitted"),
    /** A host denied the user entry to this occurrence. */
    LOBBY_DENIED("lobby_denied", "lobby_denied"),
    /** The user left the lobby: {@code reason} left (gave up), lapsed (not renewed) or unused (admitted, never came). */
    LOBBY_LEFT("lobby_left", "lobby_left"),
    /** The occurrence ended while the user waited or before they used their admission. */
    LOBBY_CLOSED("lobby_closed", "lobby_closed");

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

    /** Whether the entry is about someone in the lobby: only the hosts and that person see it. */
    public boolean lobby() {
        return switch (this) {
            case LOBBY_WAITING, LOBBY_ADMITTED, LOBBY_DENIED, LOBBY_LEFT, LOBBY_CLOSED -> true;
            default -> false;
        };
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

    /** Whether a kind is written as {@code stored}: a later release may write kinds this one does not know. */
    public static boolean known(String stored) {
        for (FeedKind kind : values()) if (kind.storedName.equals(stored)) return true;
        return false;
    }

    /** Returns the kind written as {@code stored} in a feed stream (the scripts write short names). */
    public static FeedKind ofStored(String stored) {
        for (FeedKind kind : values()) if (kind.storedName.equals(stored)) return kind;
        throw new IllegalArgumentException("unknown feed kind '" + stored + "'");
    }
}
