package org.convene.testing;

import io.lettuce.core.RedisClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.convene.store.EmbeddedRedis;
import org.convene.store.RedisConnection;
import org.junit.jupiter.api.Assumptions;
import redis.embedded.RedisShardedCluster;

/**
 * The real Redis servers the tests run against, each started once per test run and shared:
 * the embedded 6.2, a 3-master cluster of it, and Debian's redis-server 7 when installed.
 */
public final class RedisTargets {
    private static RedisConnection standalone;
    private static RedisConnection cluster;
    private static RedisConnection redis7;
    private static String embeddedUrl;

    private RedisTargets() {}

    /** The embedded redis-server 6.2, the default Convene runs on. */
    public static synchronized RedisConnection embedded() {
        if (standalone == null) {
            EmbeddedRedis server = EmbeddedRedis.ephemeral();
            standalone = RedisConnection.open(server.url(), false);
            embeddedUrl = server.url();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return standalone;
    }

    private static RedisConnection replicated;
    private static List<Integer> replicatedPorts;
    private static ClusterProcesses replicatedProcesses;

    /**
     * A real Redis Cluster with replicas: 3 primaries and 3 replicas of Debian's redis-server 7, started
     * by scripts/redis-cluster in a temporary directory and stopped by it (exactly those processes) when
     * the JVM ends. Under CI=true a missing redis-server fails; elsewhere it skips.
     */
    public static synchronized RedisConnection clusterWithReplicas() {
        if (replicated == null) {
            if (!Files.isExecutable(Path.of("/usr/bin/redis-server")) || !Files.isExecutable(Path.of("/usr/bin/redis-cli"))) {
                if ("true".equals(System.getenv("CI"))) {
                    throw new IllegalStateException("CI=true but redis-server and redis-cli (Redis 7) are not installed");
                }
                Assumptions.abort("Redis 7 (redis-server, redis-cli) is not installed; .ci/run installs it");
            }
            ClusterProcesses processes = ClusterProcesses.start();
            Runtime.getRuntime().addShutdownHook(new Thread(processes::close));
            replicatedPorts = processes.ports();
            replicatedProcesses = processes;
            replicated = RedisConnection.open(processes.urls(), true);
        }
        return replicated;
    }

    /** The processes of the cluster with replicas, for a test that stops one for a moment (and starts it again). */
    public static synchronized ClusterProcesses clusterWithReplicasProcesses() {
        clusterWithReplicas();
        return replicatedProcesses;
    }

    /** The ports of the cluster with replicas (primaries and replicas, in no particular order). */
    public static synchronized List<Integer> clusterWithReplicasPorts() {
        clusterWithReplicas();
        return replicatedPorts;
    }

    /** The embedded server's URL, for a child process that is to share it. */
    public static synchronized String embeddedUrl() {
        embedded();
        return embeddedUrl;
    }

    /** A real Redis Cluster of three masters on ephemeral ports. */
    public static synchronized RedisConnection cluster() {
        if (cluster == null) {
            try {
                RedisShardedCluster servers = RedisShardedCluster.newRedisCluster()
                        .ephemeral().shard("master1", 0).shard("master2", 0).shard("master3", 0).build();
                servers.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        servers.stop();
                    } catch (IOException ignored) {
                        // the JVM is going away; the servers die with it
                    }
                }));
                awaitClusterOk(servers.serverPorts());
                cluster = RedisConnection.open("redis://127.0.0.1:" + servers.serverPorts().get(0), true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cluster;
    }

    /** A freshly started cluster needs a moment before every node agrees it is up. */
    private static void awaitClusterOk(List<Integer> ports) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int port : ports) {
            RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
            try (var connection = client.connect()) {
                while (!connection.sync().clusterInfo().contains("cluster_state:ok")) {
                    if (System.nanoTime() > until) throw new IllegalStateException("cluster on " + port + " never came up");
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                client.shutdown();
            }
        }
    }

    /**
     * Debian's redis-server 7, which .ci/run installs. Missing, it skips the tests, except under
     * CI=true, where it fails them: CI must run every target.
     */
    public static synchronized RedisConnection redis7() {
        if (redis7 == null) {
            Path binary = Path.of("/usr/bin/redis-server");
            if (!Files.isExecutable(binary)) {
                if ("true".equals(System.getenv("CI"))) {
                    throw new IllegalStateException("CI=true but /usr/bin/redis-server (Redis 7) is not installed");
                }
                Assumptions.abort("Redis 7 (/usr/bin/redis-server) is not installed; .ci/run installs it");
            }
            EmbeddedRedis server = EmbeddedRedis.ephemeral(binary);
            redis7 = RedisConnection.open(server.url(), false);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return redis7;
    }
}
