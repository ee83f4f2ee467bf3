package org.convene.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a delivery that was refused or not answered is tried again: after 5 s, 30 s, 2 min, 5 min,
 * 15 min, 30 min, 1 h, 2 h, 4 h, 8 h, then every 12 h five times; 16 attempts over 3 days and 4 hours
 * before it is given up. Each wait is stretched by up to a fifth at random (jitter), never shortened,
 * so that the schedule never ends sooner than stated and endpoints that failed together are not
 * retried together.
 */
public final class RetrySchedule {
    /** The waits after each failed attempt, in order; the README and the OpenAPI document list them. */
    public static final List<Duration> WAITS = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(12),
            Duration.ofHours(12), Duration.ofHours(12), Duration.ofHours(12), Duration.ofHours(12));

    private RetrySchedule() {}

    /**
     * The wait before the next attempt of a delivery that has failed {@code failedAttempts} times, with
     * {@code jitter} in [0, 1) as the share of the stretch; empty when the schedule is spent.
     */
    public static Optional<Duration> next(int failedAttempts, double jitter) {
        if (failedAttempts < 1 || failedAttempts > WAITS.size()) return Optional.empty();
        Duration wait = WAITS.get(failedAttempts - 1);
        return Optional.of(wait.plusMillis((long) (wait.toMillis() * 0.2 * Math.max(0, Math.min(jitter, 1)))));
    }

    /** The whole schedule without jitter: from the first attempt to the last. */
    public static Duration span() {
        return WAITS.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
