package org.convene.store;

/**
 * The Redis key layout. Every key one script touches shares one hash tag: {@code {m:<id>}} for a
 * meeting and everything in it, {@code {users}} for users, {@code {catalog}} for what spans
 * meetings. The Lua libraries ({@code lua/<group>/_lib.lua}) describe the keys under each base.
 */
final class Keys {
    static final String USERS = "convene:{users}";
    static final String CATALOG = "convene:{catalog}";

    private Keys() {}

    /** The base of a meeting's data keys, also what a meeting script is routed by. */
    static String meeting(long meetingId) {
        return "convene:{m:" + meetingId + "}";
    }

    /** The base of a meeting's events-log keys: same hash tag, own namespace, db 1 where there is one. */
    static String meetingEvents(long meetingId) {
        return "convene:events:{m:" + meetingId + "}";
    }
}
