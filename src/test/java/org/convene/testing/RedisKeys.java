package org.convene.testing;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.RestoreArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every key of a Redis as it is stored (DUMP, with its time to live), and the same keys restored
 * into another Redis: how a fixture carries what an earlier release wrote. Tests only: SCAN is never
 * on a request path. A dump of Redis 6.2 restores into 6.2 and every later version.
 */
public final class RedisKeys {
    private RedisKeys() {}

    /** One key: the logical database it was in (events live in 1 off a cluster), its name, ms to live (-1: none), its DUMP. */
    public record StoredKey(int db, String key, long ttlMillis, String dump) {}

    /** Every key of databases 0 and 1 of a standalone server at {@code url}. */
    public static List<StoredKey> all(String url) {
        List<StoredKey> keys = new ArrayList<>();
        for (int db : new int[] {0, 1}) {
            RedisURI uri = RedisURI.create(url);
            uri.setDatabase(db);
            RedisClient client = RedisClient.create(uri);
            try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
                var sync = connection.sync();
                ScanCursor cursor = ScanCursor.INITIAL;
                do {
                    KeyScanCursor<byte[]> page = sync.scan(cursor);
                    for (byte[] key : page.getKeys()) {
                        byte[] dump = sync.dump(key);
                        if (dump == null) continue; // expired meanwhile
                        long ttl = sync.pttl(key);
                        keys.add(new StoredKey(db, new String(key, StandardCharsets.UTF_8), ttl < 0 ? -1 : ttl,
                                HexFormat.of().formatHex(dump)));
                    }
                    cursor = page;
                } while (!cursor.isFinished());
            } finally {
                client.shutdown();
            }
        }
        keys.sort((a, b) -> a.db() != b.db() ? Integer.compare(a.db(), b.db()) : a.key().compareTo(b.key()));
        return keys;
    }

    /**
     * Empties a standalone server (every database) and restores {@code keys} into it: each into its database
     * (events into {@code eventsDb}).
     */
    public static void restore(String url, List<StoredKey> keys, int eventsDb) {
        RedisClient client = RedisClient.create(RedisURI.create(url));
        try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
            var sync = connection.sync();
            sync.flushall();
            for (int db : new int[] {0, 1}) {
                sync.select(db == 0 ? 0 : eventsDb);
                for (StoredKey k : keys.stream().filter(k -> k.db() == db).toList()) {
                    sync.restore(name(k), k.ttlMillis() < 0 ? 0 : k.ttlMillis(), payload(k));
                }
            }
        } finally {
            client.shutdown();
        }
    }

    /**
     * Empties a cluster (every primary) and restores {@code keys} into it, where every key lives in database 0
     * (the events log by its own prefix).
     */
    public static void restoreInCluster(String urls, List<StoredKey> keys) {
        RedisClusterClient client = RedisClusterClient.create(Stream.of(urls.split(",")).map(RedisURI::create).toList());
        try (StatefulRedisClusterConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
            var sync = connection.sync();
            sync.flushall();
            for (StoredKey k : keys) sync.restore(name(k), payload(k), RestoreArgs.Builder.ttl(Math.max(0, k.ttlMillis())));
        } finally {
            client.shutdown();
        }
    }

    private static byte[] name(StoredKey k) {
        return k.key().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] payload(StoredKey k) {
        return HexFormat.of().parseHex(k.dump());
    }
}
