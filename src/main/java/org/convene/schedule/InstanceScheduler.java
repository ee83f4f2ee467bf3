package org.convene.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Activates each instance at its start and ends it at its end, from due times kept in sorted
 * sets: a tick costs in proportion to what is due, not to the number of instances.
 *
 * <p>Transitions are compare-and-set on the instance's status, so any number of schedulers may
 * run at once, a crash between two steps is repaired by the next tick, and after downtime the
 * first tick catches up on everything that fell due, each transition exactly once.
 *
 * <pre>{@code
 * try (InstanceScheduler scheduler = new InstanceScheduler(transitions, Clock.systemUTC(), Duration.ofMillis(200),
 *         transition -> System.out.println(transition))) {
 *     scheduler.start();
 * }
 * }</pre>
 */
public final class InstanceScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InstanceScheduler.class);
    private static final int BATCH = 1_000;
    /** How often the store's projections are rebuilt from its state, in case a write to one was lost. */
    private static final Duration REPAIR_EVERY = Duration.ofMinutes(1);

    private final TransitionStore store;
    private final Clock clock;
    private final Duration pollInterval;
    private final Consumer<Transition> listener;
    private final Object wakeUp = new Object();
    private boolean wakeRequested;
    private volatile boolean running;
    private volatile Thread thread;

    /**
     * Creates a scheduler that looks for due work at least every {@code pollInterval} (other
     * processes may add instances) and tells {@code listener} of every transition it makes.
     */
    public InstanceScheduler(TransitionStore store, Clock clock, Duration pollInterval, Consumer<Transition> listener) {
        this.store = store;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.listener = listener;
    }

    /** Applies every transition due now, in batches until none is left, and returns those it made. */
    public List<Transition> tick() {
        Instant now = clock.instant();
        List<Transition> made = new ArrayList<>();
        while (true) {
            List<Long> due = store.dueInstances(now, BATCH);
            if (due.isEmpty()) break;
            List<Transition> batch = store.settle(due, now);
            batch.forEach(listener);
            made.addAll(batch);
            if (due.size() < BATCH) break;
        }
        List<Transition> reminded = store.remind(now, BATCH);
        reminded.forEach(listener);
        made.addAll(reminded);
        return made;
    }

    /** Starts ticking on a background thread until {@link #close()}. */
    public synchronized void start() {
        if (running) return;
        running = true;
        thread = new Thread(this::loop, "instance-scheduler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Returns whether the background thread is running. */
    public boolean isRunning() {
        Thread current = thread;
        return running && current != null && current.isAlive();
    }

    /** Makes a sleeping scheduler look for due work now, e.g. after this process created an instance. */
    public void wakeUp() {
        synchronized (wakeUp) {
            wakeRequested = true;
            wakeUp.notifyAll();
        }
    }

    private void loop() {
        Instant nextRepair = Instant.MIN;
        while (running) {
            Duration pause = pollInterval;
            try {
                if (!clock.instant().isBefore(nextRepair)) {
                    store.repairViews(clock.instant());
                    nextRepair = clock.instant().plus(REPAIR_EVERY);
                }
                tick();
                Instant now = clock.instant();
                Instant next = store.nextDue().orElse(null);
                if (next != null) {
                    Duration untilNext = Duration.between(now, next);
                    if (untilNext.compareTo(pause) < 0) pause = untilNext.isNegative() ? Duration.ZERO : untilNext;
                }
            } catch (RuntimeException e) {
                LOG.warn("Scheduler tick failed, retrying in {} ms: {}", pollInterval.toMillis(), e.getMessage());
            }
            pause(pause);
        }
    }

    private void pause(Duration pause) {
        synchronized (wakeUp) {
            // A request that came while this thread was ticking must not be lost by waiting anyway.
            if (!wakeRequested && running) {
                try {
                    // A floor, so that a due time that cannot be applied yet never makes the loop spin.
                    wakeUp.wait(Math.max(5, pause.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            wakeRequested = false;
        }
    }

    /** Stops the background thread, waiting for a tick in progress to finish. */
    @Override
    public synchronized void close() {
        running = false;
        if (thread == null) return;
        wakeUp();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }
}
