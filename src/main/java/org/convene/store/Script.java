package org.convene.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script from {@code lua/<group>/<name>.lua}, with {@code lua/_common.lua} and its group's {@code _lib.lua}
 * put in front, and how it may be run ({@link Access}). A script writes unless it is marked {@link #reading()}:
 * only writes wait for replicas when CONVENE_REDIS_WAIT_REPLICAS asks for it ({@code ScriptWritesTest} checks the
 * marks against the Lua).
 */
record Script(String name, String body, String sha, boolean announces, Access access) {

    /** What a script does to its keys, which decides where it may run and what it waits for. */
    enum Access {
        /** Reads only, on its slot's primary. */
        READ,
        /** Reads only, on a replica of its slot's primary where the cluster has one up. */
        REPLICA_READ,
        /** Writes; waits for replicas only when CONVENE_REDIS_WAIT_REPLICAS asks for it. */
        WRITE,
        /** Writes what every node relies on; on a cluster with replicas it waits for one even without the setting. */
        DURABLE_WRITE
    }

    static Script load(String group, String name) {
        String body = resource("_common.lua") + "\n" + resource(group + "/_lib.lua") + "\n"
                + resource(group + "/" + name + ".lua");
        return new Script(group + "/" + name, body, sha1(body), false, Access.WRITE);
    }

    /** Whether the script writes (and so may have to wait for replicas). */
    boolean writes() {
        return access == Access.WRITE || access == Access.DURABLE_WRITE;
    }

    /**
     * The same script, marked as one that may write its meeting's webhook outbox: after each run the
     * meeting is announced to the webhook drain (see {@link WebhookRecords}).
     */
    Script announcing() {
        return new Script(name, body, sha, true, access);
    }

    /**
     * The same writing script, marked as one whose writes every node relies on: ids handed out, instances made or
     * moved, the index of due times, and the transitions the index is told of (an end the index has forgotten, if a failover took
     * it back, would never be made again). On a cluster with replicas it waits for one to hold them (at most a
     * second; unconfirmed, the call fails and is made again), even without CONVENE_REDIS_WAIT_REPLICAS. They
     * are few (creations and transitions, not joins or posts), so it is cheap.
     */
    Script durable() {
        if (!writes()) throw new IllegalStateException(name + " only reads: there is nothing to keep");
        return new Script(name, body, sha, announces, Access.DURABLE_WRITE);
    }

    /** The same script, marked as one that only reads: it never waits for replicas. */
    Script reading() {
        return new Script(name, body, sha, announces, Access.READ);
    }

    /**
     * The same reading script, run on a replica of its slot's primary where the cluster has one (as
     * EVALSHA_RO): it sees only what has been replicated, never a write its primary may still lose.
     */
    Script onReplicas() {
        if (writes()) throw new IllegalStateException(name + " writes: it cannot run on a replica");
        return new Script(name, body, sha, announces, Access.REPLICA_READ);
    }

    private static String resource(String path) {
        try (InputStream in = Script.class.getResourceAsStream("lua/" + path)) {
            if (in == null) throw new IllegalStateException("missing script resource lua/" + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
