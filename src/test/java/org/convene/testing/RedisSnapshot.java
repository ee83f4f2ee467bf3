package org.convene.testing;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.convene.store.RedisConnection;

/** Every key and its serialised value in databases 0 and 1, to show a refusal changed nothing at all. */
public final class RedisSnapshot {
    private RedisSnapshot() {}

    /** Takes a snapshot of the embedded test server (SCAN and DUMP: tests only, never a request path). */
    public static Map<String, String> of(RedisConnection redis) {
        Map<String, String> all = new TreeMap<>();
        for (int db : new int[] {0, 1}) {
            RedisURI uri = RedisURI.create(redis.description());
            uri.setDatabase(db);
            RedisClient client = RedisClient.create(uri);
            try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
                var sync = connection.sync();
                ScanCursor cursor = ScanCursor.INITIAL;
                do {
                    KeyScanCursor<byte[]> page = sync.scan(cursor);
                    for (byte[] key : page.getKeys()) {
                        byte[] value = sync.dump(key);
                        all.put(db + ":" + new String(key), value == null ? "" : HexFormat.of().formatHex(
                                Arrays.copyOf(value, value.length)));
                    }
                    cursor = page;
                } while (!cursor.isFinished());
            } finally {
                client.shutdown();
            }
        }
        return all;
    }
}
