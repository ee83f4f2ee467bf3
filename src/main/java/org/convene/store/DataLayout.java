package org.convene.store;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.convene.core.LayoutMismatchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which version of the data layout a Redis holds, and the steps that bring older data up to the
 * version this code writes. A node runs them when it opens the store, before it serves anything: one
 * node at a time (a lock with a lease it renews), the others waiting until the version moves. Each
 * step is idempotent and resumable (its progress is kept in Redis), so a node that dies midway leaves
 * the next one to go on from there. Data newer than this code knows is refused, in one line.
 *
 * <p>Rolling restarts: a step should only add (fields, keys, indexes), with the code of its release
 * reading data with and without what it adds, so that a node of the previous release keeps working on
 * migrated data until it is restarted, and what a step makes obsolete goes no earlier than the release
 * after. Where a layout cannot keep to that, the CHANGELOG says what an older node does meanwhile: layout 2
 * stopped writing the live view's rows, so a layout-1 node still running shows the active instances and join times from rows
 * no longer kept until it is restarted. A node never opens data of a layout newer than its own.
 */
public final class DataLayout {
    private static final Logger LOG = LoggerFactory.getLogger(DataLayout.class);
    /**
     * The layout this code writes. Layout 1 is the one of every release before layouts were versioned; layout 2
     * no longer keeps the live view's rows in Redis (each node reads them from the meetings) nor a set of each
     * instance's members (its attendees tell the same); layout 3 indexes who may join each meeting (for the
     * personal calendar feeds); layout 4 indexes the meetings each user owns (deleting an owner hands them over).
     */
    public static final int CURRENT = 4;
    static final String VERSION = Keys.LAYOUT + ":version";
    static final String DONE = Keys.LAYOUT + ":done";
    private static final Script LOCK = Script.load("layout", "lock");
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration SAY_EVERY = Duration.ofSeconds(10);

    private final RedisCalls calls;
    private final BooleanSupplier empty;
    private final List<LayoutStep> steps;
    private final int target;

    /** The layout of the data on {@code calls}; {@code empty} says whether that holds anything yet. */
    DataLayout(RedisCalls calls, BooleanSupplier empty) {
        this(calls, empty, LayoutStep.ALL, CURRENT);
    }

    /** The layout with other steps and target: for the tests of the mechanism itself. */
    DataLayout(RedisCalls calls, BooleanSupplier empty, List<LayoutStep> steps, int target) {
        this.calls = calls;
        this.empty = empty;
        this.steps = List.copyOf(steps);
        this.target = target;
    }

    /** lock's answer: whether this node holds the lock (or let it go), and who holds it. */
    private record LockReply(boolean mine, String holder) {
        static LockReply of(Reply reply) {
            Reply ok = reply.ok();
            return new LockReply(ok.number(1) == 1, ok.textOrNull(2));
        }
    }

    /** The layout version the Redis holds now (0 when it holds no version). */
    public int version() {
        String stored = calls.await(calls.commands.get(VERSION).toCompletableFuture());
        return stored == null ? 0 : Integer.parseInt(stored);
    }

    /**
     * Brings the data up to this code's layout, or waits up to {@code maxWait} while another node does;
     * refuses data of a newer layout ({@link LayoutMismatchException}, whose message is one line).
     */
    public void bringUpToDate(Duration maxWait) {
        String token = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + maxWait.toNanos();
        long nextWord = System.nanoTime() + SAY_EVERY.toNanos();
        while (true) {
            int version = version();
            if (version == 0) {
                // Written before layouts had versions (layout 1), or nothing written yet (this code's layout).
                calls.await(calls.commands.setnx(VERSION, Integer.toString(empty.getAsBoolean() ? target : 1)).toCompletableFuture());
                continue;
            }
            if (version > target) {
                throw new LayoutMismatchException("This Redis holds data layout " + version
                        + ", newer than this release of Convene knows (" + target
                        + "): run a release that knows it, or restore a backup of this release's data");
            }
            if (version == target) return;
            LockReply lock = LockReply.of(calls.await(calls.inLayout(LOCK, "take", token, Long.toString(LEASE.toMillis()))));
            if (lock.mine()) {
                try {
                    migrate(version, token);
                } finally {
                    calls.await(calls.inLayout(LOCK, "release", token, "0"));
                }
                continue;
            }
            if (System.nanoTime() > deadline) {
                throw new LayoutMismatchException("Another Convene node (" + lock.holder() + ") has been bringing the data"
                        + " from layout " + version + " to " + target + " for longer than " + maxWait.toSeconds()
                        + " s; this one gave up waiting");
            }
            if (System.nanoTime() > nextWord) {
                LOG.warn("Waiting for another node to bring the data from layout {} to {}", version, target);
                nextWord = System.nanoTime() + SAY_EVERY.toNanos();
            }
            pause();
        }
    }

    /** Runs every step of the layouts after {@code from} not done yet, in order, moving the version as each layout completes. */
    private void migrate(int from, String token) {
        for (int layout = from + 1; layout <= target; layout++) {
            for (LayoutStep step : steps) {
                if (step.layout() != layout || isDone(step)) continue;
                LOG.warn("Bringing the data to layout {}: {}", layout, step.description());
                LayoutProgress progress = new LayoutProgress(calls, step.name());
                while (step.work().runBatch(calls, progress)) renew(token);
                calls.await(calls.commands.sadd(DONE, step.name()).toCompletableFuture());
                progress.clear();
                renew(token);
            }
            calls.await(calls.commands.set(VERSION, Integer.toString(layout)).toCompletableFuture());
        }
    }

    private boolean isDone(LayoutStep step) {
        return calls.await(calls.commands.sismember(DONE, step.name()).toCompletableFuture());
    }

    /** Keeps the lock between batches; a node that lost it (it stalled past the lease) must stop. */
    private void renew(String token) {
        LockReply held = LockReply.of(calls.await(calls.inLayout(LOCK, "renew", token, Long.toString(LEASE.toMillis()))));
        if (!held.mine()) {
            throw new LayoutMismatchException("This node lost the right to migrate the data layout (it stalled past its "
                    + LEASE.toSeconds() + " s lease); another node goes on from where it stopped");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LayoutMismatchException("Interrupted while waiting for the data layout");
        }
    }
}
