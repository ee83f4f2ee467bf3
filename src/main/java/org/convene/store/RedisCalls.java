package org.convene.store;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;
import org.convene.core.StoreUnavailableException;
import org.convene.model.RefusedException;

/**
 * The plumbing every part of the store shares: scripts run in a meeting's, the users' or the
 * catalog's slot; waiting for replies (one wait per round trip, counted for the benchmark); and
 * Redis failures turned into {@link StoreUnavailableException}.
 */
final class RedisCalls {
    final RedisConnection redis;
    final RedisClusterAsyncCommands<String, String> commands;
    private final ScriptRunner scripts;
    private final String dataDb;
    private final String eventsDb;
    private final LongAdder waits = new LongAdder();

    /**
     * Data in the connection's database and the events log in {@code eventsDatabase}; on a cluster,
     * or when both are the same, the events log keeps its own key namespace instead (-1).
     */
    RedisCalls(RedisConnection redis, int eventsDatabase) {
        this.redis = redis;
        this.commands = redis.async();
        this.scripts = new ScriptRunner(commands);
        int data = redis.dataDatabase();
        this.dataDb = Integer.toString(data);
        this.eventsDb = Integer.toString(redis.isCluster() || eventsDatabase == data ? -1 : eventsDatabase);
    }

    /** The logical database of the events log, or -1 when it shares the data database. */
    int eventsDatabase() {
        return Integer.parseInt(eventsDb);
    }

    /** Runs a meeting script: its keys are the meeting's data and events bases, its first arguments the two databases. */
    CompletableFuture<Reply> inMeeting(long meetingId, Script script, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = dataDb;
        all[1] = eventsDb;
        System.arraycopy(args, 0, all, 2, args.length);
        CompletableFuture<Reply> reply = scripts.run(script,
                new String[] {Keys.meeting(meetingId), Keys.meetingEvents(meetingId)}, all).thenApply(Reply::new);
        if (script.announces()) reply.thenRun(() -> announce(meetingId));
        return reply;
    }

    /**
     * Tells the webhook drain that a meeting's outbox may hold new entries, not awaited: an announcement
     * lost is covered by the drain's sweep, and one for a script that wrote nothing costs one empty read.
     */
    private void announce(long meetingId) {
        commands.sadd(Keys.HOOKS_DIRTY, Long.toString(meetingId));
    }

    /**
     * Runs a meeting script in every meeting user {@code userId} ever joined (the index of their
     * events log), all pipelined: two round trips whatever their number. The replies come unchecked,
     * in no particular order.
     */
    List<Reply> inMeetingsOf(long userId, Script script, String... args) {
        List<CompletableFuture<Reply>> replies = await(commands.smembers(Keys.userMeetings(userId)).toCompletableFuture())
                .stream().map(id -> inMeeting(Long.parseLong(id), script, args)).toList();
        awaitAll(replies.toArray(CompletableFuture[]::new));
        return replies.stream().map(this::result).toList();
    }

    /** Runs a script in the users' slot. */
    CompletableFuture<Reply> inUsers(Script script, String... args) {
        return scripts.run(script, new String[] {Keys.USERS}, args).thenApply(Reply::new);
    }

    /** Runs a script in the catalog's slot. */
    CompletableFuture<Reply> inCatalog(Script script, String... args) {
        return scripts.run(script, new String[] {Keys.CATALOG}, args).thenApply(Reply::new);
    }

    /** Runs a script in the {live} projection's slot. */
    CompletableFuture<Reply> inLive(Script script, String... args) {
        return scripts.run(script, new String[] {Keys.LIVE}, args).thenApply(Reply::new);
    }

    /** Runs a script in the webhooks' slot. */
    CompletableFuture<Reply> inHooks(Script script, String... args) {
        return scripts.run(script, new String[] {Keys.HOOKS}, args).thenApply(Reply::new);
    }

    /** How many times a caller has waited for Redis so far: one per round trip. */
    long waits() {
        return waits.sum();
    }

    /**
     * Waits for commands sent together: one round trip, however many replies. Their results are then
     * read with {@link #result}; a failure surfaces there, from the future that failed.
     */
    void awaitAll(CompletableFuture<?>... futures) {
        if (futures.length == 0) return;
        waits.increment();
        try {
            result(CompletableFuture.allOf(futures));
        } catch (RuntimeException failedOne) {
            // reported by result() of the future that failed
        }
    }

    /** Waits for one command, or for commands pipelined before it that nothing else awaits: one round trip. */
    <T> T await(CompletableFuture<T> future) {
        waits.increment();
        return result(future);
    }

    /** Waits at most {@code within} for one command: for probes, which must answer in time either way. */
    <T> T awaitWithin(CompletableFuture<T> future, java.time.Duration within) {
        waits.increment();
        try {
            future.get(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new StoreUnavailableException("Redis at " + redis.description() + " did not answer within "
                    + within.toMillis() + " ms", e);
        } catch (InterruptedException | ExecutionException e) {
            // reported by result()
        }
        return result(future);
    }

    /** The result of a command already awaited (or being awaited now), with Redis's failures turned into Convene's. */
    <T> T result(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while waiting for Redis", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RefusedException refused) throw refused;
            String what = cause instanceof RedisCommandExecutionException ? "Redis refused a command: "
                    : "Redis at " + redis.description() + " did not answer: ";
            throw new StoreUnavailableException(what + RedisConnection.rootMessage(cause), cause);
        }
    }

    static String ms(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }

    static String version(OptionalLong expected) {
        return expected.isPresent() ? Long.toString(expected.getAsLong()) : "";
    }
}
