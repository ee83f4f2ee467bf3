package org.convene.core;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most N events per key per minute in this process, as token buckets refilled continuously on
 * the injected clock: a burst of N, then one every 60/N seconds. Bounded: past 100,000 keys it
 * starts again empty, which only forgives.
 */
public final class RateLimit<K> {
    private static final int MAX_KEYS = 100_000;

    private final int perMinute;
    private final Clock clock;
    private final Map<K, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long lastMillis;

        Bucket(double tokens, long lastMillis) {
            this.tokens = tokens;
            this.lastMillis = lastMillis;
        }

        void refill(long now, int perMinute) {
            long elapsed = Math.max(0, now - lastMillis);
            tokens = Math.min(perMinute, tokens + elapsed * perMinute / 60_000.0);
            lastMillis = Math.max(lastMillis, now);
        }
    }

    public RateLimit(int perMinute, Clock clock) {
        if (perMinute < 1) throw new IllegalArgumentException("perMinute must be at least 1");
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** The allowance per minute. */
    public int perMinute() {
        return perMinute;
    }

    /** Takes one from the key's allowance; returns 0 if there was one, else the seconds until there is. */
    public int take(K key) {
        long now = clock.millis();
        if (buckets.size() > MAX_KEYS) buckets.clear();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now));
        synchronized (bucket) {
            bucket.refill(now, perMinute);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return waitSeconds(bucket);
        }
    }

    /** Returns 0 if the key has allowance left, else the seconds until it has; takes nothing. */
    public int waitFor(K key) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) return 0;
        synchronized (bucket) {
            bucket.refill(clock.millis(), perMinute);
            return bucket.tokens >= 1 ? 0 : waitSeconds(bucket);
        }
    }

    private int waitSeconds(Bucket bucket) {
        return Math.max(1, (int) Math.ceil((1 - bucket.tokens) * 60.0 / perMinute));
    }
}
