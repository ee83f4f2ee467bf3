package org.convene.store;

/**
 * The Redis key layout. Every key one script touches shares one hash tag: {@code {m:<id>}} for a
 * meeting and everything in it, {@code {users}} for users, {@code {catalog}} for what spans
 * meetings. The Lua libraries ({@code lua/<group>/_lib.lua}) describe the keys under each base.
 */
final class Keys {
    static final String USERS = "convene:{users}";
    static final String CATALOG = "convene:{catalog}";
    /** The change stream behind the active instances and the join times (see {@link LiveView}). */
    static final String LIVE = "convene:{live}";
    /** The data layout's version and migration state (see {@link DataLayout}). */
    static final String LAYOUT = "convene:{layout}";
    /** The audit sealer's own keys: its lease, the chains it knows, the chains touched, the signed checkpoints. */
    static final String AUDIT = "convene:{audit}";

    /** The base of an audit chain: {@code users} is the users' slot, {@code hooks} the webhooks', {@code meeting:<id>} that meeting's. */
    static String chain(String chain) {
        if (chain.equals("users")) return USERS;
        if (chain.equals("hooks")) return HOOKS;
        if (chain.startsWith("meeting:")) return meeting(Long.parseLong(chain.substring(8)));
        throw new IllegalArgumentException("no such audit chain: " + chain);
    }

    private Keys() {}

    /** The base of a meeting's data keys, also what a meeting script is routed by. */
    static String meeting(long meetingId) {
        return "convene:{m:" + meetingId + "}";
    }

    /** A user's hash. */
    static String user(long userId) {
        return USERS + ":user:" + userId;
    }

    /** The meetings a user has joined: the index of their events log. */
    static String userMeetings(long userId) {
        return user(userId) + ":meetings";
    }

    /** An instance's hash; its participants, chat and feed keys add a suffix to it. */
    static String instance(long meetingId, long instanceId) {
        return meeting(meetingId) + ":instance:" + instanceId;
    }

    static final String MEETINGS = CATALOG + ":meetings";
    /** Webhook endpoints and deliveries (see lua/hooks/_lib.lua). */
    static final String HOOKS = "convene:{hooks}";
    /** Meetings whose webhook outbox was written since it was last drained. */
    static final String HOOKS_DIRTY = HOOKS + ":dirty";

    /** A meeting's webhook outbox: events written in the same step as the changes they report. */
    static String outbox(long meetingId) {
        return meeting(meetingId) + ":outbox";
    }
    static final String INSTANCE_MEETING = CATALOG + ":instance-meeting";
    /** Instances by the earliest time one of their participants is due to be reaped (a hint the settle corrects). */
    static final String REAPS = CATALOG + ":reaps";

    /** The base of a meeting's events-log keys: same hash tag, own namespace, db 1 where there is one. */
    static String meetingEvents(long meetingId) {
        return "convene:events:{m:" + meetingId + "}";
    }
}
