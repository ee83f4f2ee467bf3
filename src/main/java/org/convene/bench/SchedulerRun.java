package org.convene.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.convene.core.Convene;
import org.convene.model.MeetingDetails;
import org.convene.model.TimeWindow;
import org.convene.schedule.InstanceScheduler;
import org.convene.schedule.Transition;
import org.convene.schedule.TransitionStore;

/**
 * Many instances starting and ending within a few minutes, and one scheduler running its own loop
 * over them: how late each activation and end is applied (lag: the clock when the transition was
 * made, minus its due time), how long each tick takes and how much Redis time it costs.
 *
 * <p>The instances are made first, in the future; the scheduler's clock then runs at real speed
 * from just before the first start, so the time it takes to create them does not eat the window.
 */
public final class SchedulerRun {
    private static final int INSTANCES_PER_MEETING = 10;

    private SchedulerRun() {}

    public record Result(long instances, long activations, long ends, Histogram activationLagMs, Histogram endLagMs,
                         long ticks, Histogram tickMicros, double redisMicrosPerTick, Duration window) {
        public String table() {
            return String.format(Locale.ROOT, "%d instances starting and ending within %d s; %d activations, %d ends%n"
                    + "%-11s %8s %8s %8s%n%-11s %8d %8d %8d%n%-11s %8d %8d %8d%n"
                    + "%d ticks: %d us p50, %d us p99, %d us max per tick; Redis busy %.0f us per tick%n",
                    instances, window.toSeconds(), activations, ends, "lag ms", "p50", "p99", "max",
                    "activation", activationLagMs.getValueAtPercentile(50), activationLagMs.getValueAtPercentile(99),
                    activationLagMs.getMaxValue(), "end", endLagMs.getValueAtPercentile(50),
                    endLagMs.getValueAtPercentile(99), endLagMs.getMaxValue(), ticks,
                    tickMicros.getValueAtPercentile(50), tickMicros.getValueAtPercentile(99), tickMicros.getMaxValue(),
                    redisMicrosPerTick);
        }
    }

    /**
     * Creates {@code count} instances (ten back-to-back per meeting) whose starts and ends fall within
     * {@code window}, then runs the scheduler until every one has started and ended.
     * {@code redisMicros} reads Redis's total command time, for the time per tick.
     */
    public static Result run(Convene convene, TransitionStore store, int count, Duration window,
                             LongSupplier redisMicros) throws Exception {
        Instant base = convene.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        long slotMillis = window.toMillis() / (INSTANCES_PER_MEETING + 1);
        int meetings = (count + INSTANCES_PER_MEETING - 1) / INSTANCES_PER_MEETING;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        AtomicLong created = new AtomicLong();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int m = 0; m < meetings; m++) {
                int meetingIndex = m;
                work.add(pool.submit(() -> {
                    long meeting = convene.createMeeting(new MeetingDetails("Scheduler run " + meetingIndex, "", true,
                            List.of())).id();
                    // Each meeting's instances are offset a little, so that starts spread over the whole slot.
                    long offset = (meetingIndex * 7919L) % slotMillis;
                    for (int i = 0; i < INSTANCES_PER_MEETING && created.get() < count; i++) {
                        Instant from = base.plusMillis(offset + i * slotMillis);
                        convene.createInstance(meeting, new TimeWindow(from, from.plusMillis(slotMillis - 1)));
                        created.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) f.get();
        } finally {
            pool.shutdown();
        }

        Histogram activation = new Histogram(3_600_000L, 3);
        Histogram end = new Histogram(3_600_000L, 3);
        Histogram ticks = new Histogram(60_000_000L, 3);
        // Real time, moved so that it reaches the first start a second from now.
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), base.minusSeconds(1)));
        AtomicLong activations = new AtomicLong();
        AtomicLong ends = new AtomicLong();
        InstanceScheduler scheduler = new InstanceScheduler(store, clock, Duration.ofMillis(200), t -> {
            long lag = Math.max(0, Duration.between(t.dueAt(), clock.instant()).toMillis());
            if (t.kind() == Transition.Kind.REAPED) return; // the run's meetings have no presence rule
            if (t.kind() == Transition.Kind.ACTIVATED) {
                activation.recordValue(lag);
                activations.incrementAndGet();
            } else {
                end.recordValue(lag);
                ends.incrementAndGet();
            }
        });
        long total = created.get();
        long redisBefore = redisMicros.getAsLong();
        long tickCount = 0;
        Instant giveUp = base.plus(window).plusSeconds(60);
        // The scheduler's own loop (InstanceScheduler.start), with each tick timed.
        while (ends.get() < total && clock.instant().isBefore(giveUp)) {
            long begin = System.nanoTime();
            scheduler.tick();
            ticks.recordValue(Math.max(1, (System.nanoTime() - begin) / 1_000));
            tickCount++;
            Instant next = store.nextDue().orElse(clock.instant().plusMillis(200));
            long sleep = Math.min(200, Math.max(0, Duration.between(clock.instant(), next).toMillis()));
            if (sleep > 0) Thread.sleep(sleep);
        }
        double redisPerTick = (redisMicros.getAsLong() - redisBefore) / (double) Math.max(1, tickCount);
        return new Result(total, activations.get(), ends.get(), activation, end, tickCount, ticks, redisPerTick, window);
    }
}
