package org.convene.bench;

import java.time.Duration;

/**
 * The size of a benchmark run: a population of users and meetings (a share of them private,
 * each with one instance active for the run), and a number of concurrent callers for a duration.
 */
public record BenchSettings(int users, int meetings, double privateShare, int callers, Duration duration, long seed) {
    public BenchSettings {
        if (users < 2) throw new IllegalArgumentException("users must be at least 2");
        if (meetings < 1) throw new IllegalArgumentException("meetings must be at least 1");
        if (privateShare < 0 || privateShare > 1) throw new IllegalArgumentException("privateShare must be 0 to 1");
        if (callers < 1) throw new IllegalArgumentException("callers must be at least 1");
        if (duration.isNegative() || duration.isZero()) throw new IllegalArgumentException("duration must be positive");
    }
}
