package org.convene.model;

/** How a stretch of waiting in an occurrence's lobby ended. */
public enum WaitEnd {
    /** A host admitted them. */
    ADMITTED("admitted", 'a'),
    /** A host denied them entry. */
    DENIED("denied", 'd'),
    /** They gave up. */
    LEFT("left", 'g'),
    /** Their wait was not renewed in time. */
    LAPSED("lapsed", 'e'),
    /** The occurrence ended while they waited. */
    CLOSED("closed", 'c');

    private final String wireName;
    private final char code;

    WaitEnd(String wireName, char code) {
        this.wireName = wireName;
        this.code = code;
    }

    /** The name clients see, such as {@code admitted}. */
    public String wireName() {
        return wireName;
    }

    /** The end a stored code names; refuses an unknown one. */
    public static WaitEnd ofCode(char code) {
        for (WaitEnd end : values()) if (end.code == code) return end;
        throw new IllegalArgumentException("unknown wait end '" + code + "'");
    }
}
