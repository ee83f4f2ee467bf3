package org.convene.model;

/** The kinds of entry in the events log, with the seed's names and numeric codes. */
public enum EventType {
    JOIN_MEETING(1, "join_meeting"),
    LEAVE_MEETING(2, "leave_meeting"),
    TIMEOUT(3, "timeout");

    private final int code;
    private final String seedName;

    EventType(int code, String seedName) {
        this.code = code;
        this.seedName = seedName;
    }

    public int code() {
        return code;
    }

    public String seedName() {
        return seedName;
    }

    public static EventType ofCode(int code) {
        for (EventType type : values()) if (type.code == code) return type;
        throw new IllegalArgumentException("unknown event code " + code);
    }
}
