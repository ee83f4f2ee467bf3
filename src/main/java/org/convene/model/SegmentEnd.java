package org.convene.model;

/** What ended a stretch of someone's presence in an instance. */
public enum SegmentEnd {
    /** They left. */
    LEFT("left", 'l'),
    /** The instance ended with them inside: the seed's timeout. */
    TIMEOUT("timeout", 't'),
    /** They were taken out: their user was deleted, or they left the private meeting's audience. */
    REMOVED("removed", 'r'),
    /** Their presence lease ran out: they stopped answering. */
    REAPED("reaped", 'p'),
    /** A host took them out. */
    KICKED("kicked", 'k'),
    /** A host banned them from the meeting. */
    BANNED("banned", 'b');

    private final String wireName;
    private final char code;

    SegmentEnd(String wireName, char code) {
        this.wireName = wireName;
        this.code = code;
    }

    /** The name clients see, such as {@code left}. */
    public String wireName() {
        return wireName;
    }

    /** The one-letter code the store keeps. */
    public char code() {
        return code;
    }

    /** The end a stored code names; refuses an unknown one. */
    public static SegmentEnd ofCode(char code) {
        for (SegmentEnd end : values()) if (end.code == code) return end;
        throw new IllegalArgumentException("unknown segment end '" + code + "'");
    }
}
