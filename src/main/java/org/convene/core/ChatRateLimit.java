package org.convene.core;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.convene.model.RefusedException;

/**
 * At most N chat messages per user per minute in this process, as a token bucket refilled
 * continuously on the injected clock. The administrator is not limited.
 */
public final class ChatRateLimit {
    private static final int MAX_USERS = 100_000;

    private final int perMinute;
    private final Clock clock;
    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long lastMillis;

        Bucket(double tokens, long lastMillis) {
            this.tokens = tokens;
            this.lastMillis = lastMillis;
        }
    }

    public ChatRateLimit(int perMinute, Clock clock) {
        if (perMinute < 1) throw new IllegalArgumentException("perMinute must be at least 1");
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes one message from the caller's allowance, or refuses with how many seconds to wait. */
    public void acquire(Caller caller) {
        if (caller.admin()) return;
        long now = clock.millis();
        if (buckets.size() > MAX_USERS) buckets.clear();
        Bucket bucket = buckets.computeIfAbsent(caller.userId(), id -> new Bucket(perMinute, now));
        synchronized (bucket) {
            long elapsed = Math.max(0, now - bucket.lastMillis);
            bucket.tokens = Math.min(perMinute, bucket.tokens + elapsed * perMinute / 60_000.0);
            bucket.lastMillis = Math.max(bucket.lastMillis, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return;
            }
            int wait = (int) Math.ceil((1 - bucket.tokens) * 60.0 / perMinute);
            throw RefusedException.rateLimited("At most " + perMinute + " chat messages a minute; try again in "
                    + Math.max(1, wait) + " s", wait);
        }
    }
}
