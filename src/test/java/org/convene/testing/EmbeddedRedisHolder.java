package org.convene.testing;

import java.nio.file.Path;
import org.convene.store.EmbeddedRedis;

/**
 * A separate JVM that starts the embedded Redis on a data directory and holds it, for the tests
 * that kill Convene: prints "ready" with the redis-server's and its own process ids, then waits.
 */
public final class EmbeddedRedisHolder {
    private EmbeddedRedisHolder() {}

    /** Starts the embedded Redis on {@code args[0]} with fsync {@code args[1]} (default everysec) and holds it until killed. */
    public static void main(String[] args) throws InterruptedException {
        EmbeddedRedis redis = EmbeddedRedis.start(Path.of(args[0]), args.length > 1 ? args[1] : "everysec", true);
        System.out.println("ready " + redis.pid().orElseThrow() + " " + ProcessHandle.current().pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
