package org.convene.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.convene.core.Convene;
import org.convene.model.MeetingDetails;
import org.convene.model.Presence;
import org.convene.model.TimeWindow;
import org.convene.model.UserDetails;
import org.convene.schedule.InstanceScheduler;
import org.convene.schedule.Transition;
import org.convene.schedule.TransitionStore;

/**
 * Presence reaping under load: participants in meetings with a 30 s lease who never show a sign of
 * life, their due times spread over half a minute, and one scheduler running its own loop: how late
 * each reaping is made (the clock when it was made, minus when the first reaped was due), and that
 * each participant is reaped exactly once.
 *
 * <p>The joins are made on a clock set back by the lease, so that participants fall due from ten
 * seconds after the joins start: the time the joins take does not eat the window.
 */
public final class ReapingRun {
    private static final Presence LEASE = new Presence(30, 0);
    private static final int PER_MEETING = 100;

    private ReapingRun() {}

    /** What one run measured. */
    public record Result(long participants, long reaped, Histogram lagMs) {
        public String table() {
            return String.format(Locale.ROOT, "%d participants falling due within 30 s (lease 30 s); %d reaped%n%-11s %8s %8s %8s%n"
                    + "%-11s %8d %8d %8d%n", participants, reaped, "lag ms", "p50", "p99", "max", "reaping",
                    lagMs.getValueAtPercentile(50), lagMs.getValueAtPercentile(99), lagMs.getMaxValue());
        }
    }

    /**
     * Joins {@code count} new users to instances of presence meetings, falling due from {@code lead}
     * after the start and over {@code spread}, then reaps them all with a scheduler.
     */
    public static Result run(Convene convene, TransitionStore store, Clock clock, int count, Duration lead,
                             Duration spread) throws Exception {
        Instant start = clock.instant();
        List<Long> instances = new ArrayList<>();
        for (int m = 0; m * PER_MEETING < count; m++) {
            long meeting = convene.createMeeting(new MeetingDetails("Reaping run " + m, "", true, List.of(), 0, LEASE)).id();
            instances.add(convene.createInstance(meeting, new TimeWindow(start.minus(Duration.ofHours(1)),
                    start.plus(Duration.ofHours(1)))).id());
        }
        Instant firstDue = start.plus(lead);
        for (int i = 0; i < count; i++) {
            long user = convene.createUser(new UserDetails("Quiet " + i, 30, "", "quiet" + i + "@example.com")).id();
            // Joined a lease before its due time: due times spread over 30 s from ten seconds after the start.
            Instant joinedAt = firstDue.minusSeconds(LEASE.leaseSeconds()).plusMillis(i * spread.toMillis() / count);
            convene.on(Clock.fixed(joinedAt, clock.getZone())).join(user, instances.get(i % instances.size()));
        }
        Histogram lag = new Histogram(Duration.ofMinutes(5).toMillis(), 3);
        AtomicLong reaped = new AtomicLong();
        InstanceScheduler scheduler = new InstanceScheduler(store, clock, Duration.ofMillis(200), t -> {
            if (t.kind() != Transition.Kind.REAPED) return;
            reaped.addAndGet(t.timedOutUserIds().size());
            long late = Math.max(0, Duration.between(t.dueAt(), clock.instant()).toMillis());
            for (int k = 0; k < t.timedOutUserIds().size(); k++) lag.recordValue(late);
        });
        Instant giveUp = firstDue.plus(spread).plusSeconds(60);
        while (reaped.get() < count && clock.instant().isBefore(giveUp)) {
            scheduler.tick();
            Instant next = store.nextDue().orElse(clock.instant().plusMillis(200));
            long sleep = Math.min(200, Math.max(0, Duration.between(clock.instant(), next).toMillis()));
            if (sleep > 0) Thread.sleep(sleep);
        }
        return new Result(count, reaped.get(), lag);
    }
}
