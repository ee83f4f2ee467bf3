package org.convene.store;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.convene.model.Acting;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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
    /** How long announcements of written outboxes are gathered before they are sent together. */
    static final long ANNOUNCE_EVERY_MS = 20;
    private final Set<String> announcements = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean announcing = new AtomicBoolean();
    private final List<Runnable> announced = new CopyOnWriteArrayList<>();
    private static final long HOOKS_RECHECK_NANOS = 1_000_000_000L;
    private volatile boolean hooksExist = true;
    private final AtomicLong hooksAdded = new AtomicLong();
    private volatile long hooksCheckedAt = System.nanoTime() - 2 * HOOKS_RECHECK_NANOS;

    /**
     * Data in the connection's database and the events log in {@code eventsDatabase}; on a cluster,
     * or when both are the same, the events log keeps its own key namespace instead (-1).
     */
    RedisCalls(RedisConnection redis, int eventsDatabase) {
        this.redis = redis;
        this.commands = redis.async();
        this.scripts = new ScriptRunner(redis);
        int data = redis.dataDatabase();
        this.dataDb = Integer.toString(data);
        this.eventsDb = Integer.toString(redis.isCluster() || eventsDatabase == data ? -1 : eventsDatabase);
        recheckWebhooks();
    }

    /**
     * Reads now whether webhook endpoints exist: at start, so that a process writes outboxes from its
     * first write exactly when endpoints exist, and after a wipe. A Redis that does not answer leaves
     * it on (the safe side) until the next periodic read.
     */
    void recheckWebhooks() {
        long asked = hooksAdded.get();
        try {
            boolean exist = awaitWithin(commands.scard(Keys.HOOKS + ":endpoints").toCompletableFuture(),
                    Duration.ofSeconds(2)) > 0;
            if (hooksAdded.get() == asked) hooksExist = exist;
            hooksCheckedAt = System.nanoTime();
        } catch (StoreUnavailableException notNow) {
            hooksExist = true;
        }
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
        boolean hooks = webhooksExist();
        String[] keys = hooks ? new String[] {Keys.meeting(meetingId), Keys.meetingEvents(meetingId), Keys.outbox(meetingId)}
                : new String[] {Keys.meeting(meetingId), Keys.meetingEvents(meetingId)};
        CompletableFuture<Reply> reply = scripts.run(script, keys, all).thenApply(Reply::new);
        if (hooks && script.announces()) reply.thenRun(() -> announce(meetingId));
        return reply;
    }

    /**
     * Whether any webhook endpoint exists, as this process last read it (at most a second ago, not
     * awaited; true until first read, and from the moment this process adds an endpoint): meeting scripts
     * write their outbox only then. Another process's first endpoint is seen here within about a second.
     */
    boolean webhooksExist() {
        long now = System.nanoTime();
        if (now - hooksCheckedAt > HOOKS_RECHECK_NANOS) {
            hooksCheckedAt = now;
            long asked = hooksAdded.get();
            // An answer overtaken by an endpoint added here meanwhile is dropped: it could only say "none".
            commands.scard(Keys.HOOKS + ":endpoints").thenAccept(n -> {
                if (hooksAdded.get() == asked) hooksExist = n > 0;
            });
        }
        return hooksExist;
    }

    /** Says that an endpoint now exists, so that this process writes outboxes from now on. */
    void webhookAdded() {
        hooksAdded.incrementAndGet();
        hooksExist = true;
    }

    /**
     * Tells the webhook drain that a meeting's outbox may hold new entries. Announcements are gathered for
     * {@link #ANNOUNCE_EVERY_MS} and sent as one SADD, not awaited: a command per write cost about a tenth
     * of the store's throughput (the client's encoding is its bottleneck). One lost in a crash is covered
     * by the drain's sweep; one for a script that wrote nothing costs the drain one empty read.
     */
    private void announce(long meetingId) {
        announcements.add(Long.toString(meetingId));
        if (announcing.compareAndSet(false, true)) {
            CompletableFuture.delayedExecutor(ANNOUNCE_EVERY_MS, TimeUnit.MILLISECONDS)
                    .execute(this::sendAnnouncements);
        }
    }

    /** Calls {@code wake} after each batch of announcements this process sends: a dispatcher here drains at once. */
    void whenAnnounced(Runnable wake) {
        announced.add(wake);
    }

    private void sendAnnouncements() {
        // Cleared first: whatever is added from here on schedules a send of its own.
        announcing.set(false);
        List<String> meetings = new ArrayList<>();
        for (var it = announcements.iterator(); it.hasNext(); ) {
            meetings.add(it.next());
            it.remove();
        }
        if (!meetings.isEmpty()) {
            commands.sadd(Keys.HOOKS_DIRTY, meetings.toArray(String[]::new)).thenRun(() -> announced.forEach(Runnable::run));
        }
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

    /**
     * Runs a meeting script that writes an audit record when it succeeds; then notes that the meeting's
     * chain has a record to seal (a hint: the sealer looks at every chain once a minute besides, so a failure to note it
     * is not the action's). A refusal notes nothing.
     */
    CompletableFuture<Reply> audited(long meetingId, Script script, String... args) {
        return inMeeting(meetingId, script, args).thenCompose(reply -> touched(reply, "meeting:" + meetingId));
    }

    /** The same for a script in the users' slot. */
    CompletableFuture<Reply> auditedInUsers(Script script, String... args) {
        return inUsers(script, args).thenCompose(reply -> touched(reply, "users"));
    }

    /** A script of a chain's slot that writes an audit record when it succeeds, with the same hint for the sealer. */
    CompletableFuture<Reply> audited(CompletableFuture<Reply> run, String chain) {
        return run.thenCompose(reply -> touched(reply, chain));
    }

    /** The reply once the hint is noted (awaited, so that a caller's next command comes after it). */
    private CompletableFuture<Reply> touched(Reply reply, String chain) {
        if (!reply.isOk()) return CompletableFuture.completedFuture(reply);
        return commands.sadd(Keys.AUDIT + ":touched", chain).toCompletableFuture().handle((added, failed) -> reply);
    }

    /** The actor's kind, id and role and the request, as every script that writes an audit record takes them. */
    static List<String> actor(Acting acting) {
        return List.of(acting.wire()[0], acting.wire()[1], acting.actor().role().wire(), acting.requestId());
    }

    /** Runs a script whose one key is {@code base}, in that key's slot (the audit chains'). */
    CompletableFuture<Reply> inSlotOf(String base, Script script, String... args) {
        return scripts.run(script, new String[] {base}, args).thenApply(Reply::new);
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

    /** Runs a script in the data layout's slot. */
    CompletableFuture<Reply> inLayout(Script script, String... args) {
        return scripts.run(script, new String[] {Keys.LAYOUT}, args).thenApply(Reply::new);
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
    <T> T awaitWithin(CompletableFuture<T> future, Duration within) {
        waits.increment();
        try {
            future.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
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
            if (cause instanceof CompletionException && cause.getCause() != null) cause = cause.getCause();
            if (cause instanceof RefusedException refused) throw refused;
            if (cause instanceof StoreUnavailableException unavailable) throw unavailable;
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
