package org.convene.bench;

import java.time.Duration;

/**
 * The size of a benchmark run: a population of users and meetings (a share of them private,
 * each with one instance active for the run), and a number of concurrent callers working for a
 * warm-up (not measured: the JIT compiles the hot paths then) and then for the measured duration.
 */
public record BenchSettings(int users, int meetings, double privateShare, int callers, Duration duration, long seed,
                            Duration warmup) {
    public BenchSettings {
        if (users < 2) throw new IllegalArgumentException("users must be at least 2");
        if (meetings < 1) throw new IllegalArgumentException("meetings must be at least 1");
        if (privateShare < 0 || privateShare > 1) throw new IllegalArgumentException("privateShare must be 0 to 1");
        if (callers < 1) throw new IllegalArgumentException("callers must be at least 1");
        if (duration.isNegative() || duration.isZero()) throw new IllegalArgumentException("duration must be positive");
        if (warmup.isNegative()) throw new IllegalArgumentException("warmup must not be negative");
    }

    /** Settings with no warm-up. */
    public BenchSettings(int users, int meetings, double privateShare, int callers, Duration duration, long seed) {
        this(users, meetings, privateShare, callers, duration, seed, Duration.ZERO);
    }
}
