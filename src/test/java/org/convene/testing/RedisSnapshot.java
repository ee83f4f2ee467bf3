package org.convene.testing;

import java.util.Map;
import java.util.TreeMap;
import org.convene.store.RedisConnection;

/** Every key and its serialised value in databases 0 and 1, to show a refusal changed nothing at all. */
public final class RedisSnapshot {
    private RedisSnapshot() {}

    /** Takes a snapshot of the embedded test server (SCAN and DUMP: tests only, never a request path). */
    public static Map<String, String> of(RedisConnection redis) {
        Map<String, String> all = new TreeMap<>();
        for (RedisKeys.StoredKey key : RedisKeys.all(redis.description())) all.put(key.db() + ":" + key.key(), key.dump());
        return all;
    }
}
