package org.convene.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** At most N chat messages per user per minute in this process, as a token bucket refilled continuously. */
final class ChatRateLimiter {
    private final int perMinute;
    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }
    }

    ChatRateLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Takes one message from the user's allowance, or refuses with 429 and how long to wait. */
    void acquire(long userId) {
        long now = System.nanoTime();
        Bucket bucket = buckets.computeIfAbsent(userId, id -> new Bucket(perMinute, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.last) * perMinute / 60e9);
            bucket.last = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return;
            }
            int wait = (int) Math.ceil((1 - bucket.tokens) * 60.0 / perMinute);
            throw new HttpProblem(429, "rate-limited", "Too many messages",
                    "At most " + perMinute + " chat messages a minute; try again in " + wait + " s", Math.max(1, wait));
        }
    }
}
