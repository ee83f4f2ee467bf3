package org.convene.store;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.metrics.MicrometerCommandLatencyRecorder;
import io.lettuce.core.metrics.MicrometerOptions;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.convene.core.StoreUnavailableException;

/**
 * One shared, thread-safe connection to a Redis server or cluster. Commands from many threads are
 * pipelined on it; nothing on the request path blocks a connection. On a cluster, {@link #view()} says
 * which node holds what.
 *
 * <pre>{@code
 * try (RedisConnection redis = RedisConnection.open("redis://localhost:6379", false)) {
 *     Convene convene = new Convene(new RedisStore(redis, 1), Clock.systemUTC());
 * }
 * }</pre>
 */
public final class RedisConnection implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration TOPOLOGY_TIMEOUT = Duration.ofSeconds(2);

    private final String description;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> standalone;
    private final RedisClusterClient clusterClient;
    private final StatefulRedisClusterConnection<String, String> cluster;
    private final RedisURI uri;
    private final ClientResources resources;
    private final ReplicaWait replicaWait;
    private final ClusterView view;

    private RedisConnection(String description, RedisURI uri, RedisClient client,
                            StatefulRedisConnection<String, String> standalone,
                            RedisClusterClient clusterClient, StatefulRedisClusterConnection<String, String> cluster,
                            ClientResources resources, ReplicaWait replicaWait) {
        this.resources = resources;
        this.replicaWait = replicaWait;
        this.description = description;
        this.uri = uri;
        this.client = client;
        this.standalone = standalone;
        this.clusterClient = clusterClient;
        this.cluster = cluster;
        this.view = cluster == null ? null : new ClusterView(cluster, clusterClient);
    }

    /**
     * Connects to {@code urls}: one {@code redis://} or {@code rediss://} URL, or a comma-separated
     * list of cluster nodes. A single URL is a cluster node when {@code cluster} is true.
     */
    public static RedisConnection open(String urls, boolean cluster) {
        return open(urls, cluster, null);
    }

    /**
     * Connects as {@link #open(String, boolean)} does, recording every command's latency by command
     * type into {@code metrics} when it is given ({@code lettuce_command_completion_seconds}).
     */
    public static RedisConnection open(String urls, boolean cluster, MeterRegistry metrics) {
        return open(urls, cluster, metrics, ReplicaWait.NONE);
    }

    /** Connects as {@link #open(String, boolean, MeterRegistry)} does; writes wait for replicas as {@code wait} says. */
    public static RedisConnection open(String urls, boolean cluster, MeterRegistry metrics,
                                       ReplicaWait wait) {
        List<RedisURI> uris;
        try {
            uris = Arrays.stream(urls.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(RedisURI::create).toList();
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("CONVENE_REDIS_URL is not a valid Redis URL: " + urls, e);
        }
        if (uris.isEmpty()) throw new StoreUnavailableException("CONVENE_REDIS_URL is empty", null);
        uris.forEach(uri -> uri.setTimeout(TIMEOUT));
        String shown = redact(urls);
        SocketOptions socket = SocketOptions.builder().connectTimeout(Duration.ofSeconds(5)).build();
        // Lettuce's default back-off grows to 30 s between reconnects: a Redis back after a restart
        // (the embedded one is restarted within a second) would then wait idle for up to half a minute.
        DefaultClientResources.Builder builder = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS));
        if (metrics != null) {
            // By command type only (not per connection), no percentile histogram: a few series, cheap to record.
            builder.commandLatencyRecorder(new MicrometerCommandLatencyRecorder(metrics,
                    MicrometerOptions.builder().enable().localDistinction(false).histogram(false)
                            .targetPercentiles(new double[0]).build()));
        }
        ClientResources resources = builder.build();
        try {
            if (cluster || uris.size() > 1) {
                // Lettuce reads the cluster's topology with the seed URIs' timeout: a primary that stopped
                // answering (stalled, SIGSTOP) would hold every refresh for the full command timeout, and
                // the clients would find its replica, promoted meanwhile, only when it answered again.
                // Commands keep their own 10 s (the timeout options below).
                uris.forEach(uri -> uri.setTimeout(TOPOLOGY_TIMEOUT));
                RedisClusterClient client = RedisClusterClient.create(resources, uris);
                client.setOptions(ClusterClientOptions.builder()
                        .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
                        .socketOptions(socket)
                        // A failover is noticed within seconds: topology read again on MOVED/ASK, on the
                        // second failed reconnect (Lettuce's default waits for five, which with its back-off
                        // stalls 30-60 s), and every 3 s anyway: a primary that stops answering without closing
                        // its connections (stalled, SIGSTOP, a partition) triggers nothing else, and its replica
                        // takes over after the node timeout, so the fault run's pause follows this period.
                        .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                                .enablePeriodicRefresh(Duration.ofSeconds(3))
                                .enableAllAdaptiveRefreshTriggers()
                                .refreshTriggersReconnectAttempts(2)
                                .adaptiveRefreshTriggersTimeout(Duration.ofSeconds(1))
                                .build())
                        .build());
                return new RedisConnection(shown, uris.get(0), null, null, client, connect(client, shown), resources, wait);
            }
            RedisClient client = RedisClient.create(resources, uris.get(0));
            client.setOptions(ClientOptions.builder().socketOptions(socket).build());
            return new RedisConnection(shown, uris.get(0), client, connect(client, shown), null, null, resources, wait);
        } catch (StoreUnavailableException e) {
            resources.shutdown();
            throw e;
        } catch (RuntimeException e) {
            resources.shutdown();
            throw new StoreUnavailableException("Cannot use Redis at " + shown + ": " + rootMessage(e), e);
        }
    }

    private static StatefulRedisConnection<String, String> connect(RedisClient client, String shown) {
        try {
            return client.connect(Utf8Codec.INSTANCE);
        } catch (RuntimeException e) {
            client.shutdown();
            throw new StoreUnavailableException("Cannot reach Redis at " + shown + ": " + rootMessage(e), e);
        }
    }

    private static StatefulRedisClusterConnection<String, String> connect(RedisClusterClient client, String shown) {
        try {
            return client.connect(Utf8Codec.INSTANCE);
        } catch (RuntimeException e) {
            client.shutdown();
            throw new StoreUnavailableException("Cannot reach the Redis cluster at " + shown + ": " + rootMessage(e), e);
        }
    }

    static String rootMessage(Throwable e) {
        // Lettuce's cluster errors carry the useful text on the outer exception; its causes are per node.
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && !(root instanceof RedisException
                && root.getMessage() != null && root.getMessage().startsWith("Cannot retrieve"))) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }

    private static String redact(String urls) {
        return urls.replaceAll("//[^@/,]*@", "//***@");
    }

    /** Returns the asynchronous commands of the shared connection; calls made in a row are pipelined. */
    RedisClusterAsyncCommands<String, String> async() {
        return cluster != null ? cluster.async() : standalone.async();
    }

    /** Returns the cluster's nodes as this client sees them, or null when this is no cluster. */
    ClusterView view() {
        return view;
    }

    /** How many replicas must confirm a write before it counts as done. */
    ReplicaWait replicaWait() {
        return replicaWait;
    }

    /**
     * Opens a connection of its own, for a command that blocks: on the shared connection it would
     * hold up every command queued behind it. The caller closes it.
     */
    Dedicated dedicated() {
        // A failure here (the thread interrupted mid-connect, as a closing feed hub does) must not shut the
        // client down: the shared connection is the client's too, and every later command would find it closed.
        try {
            if (cluster != null) {
                StatefulRedisClusterConnection<String, String> own = clusterClient.connect(Utf8Codec.INSTANCE);
                return new Dedicated(own.sync(), own::close);
            }
            StatefulRedisConnection<String, String> own = client.connect(Utf8Codec.INSTANCE);
            return new Dedicated(own.sync(), own::close);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("Cannot reach Redis at " + description + ": " + rootMessage(e), e);
        }
    }

    /** A connection of its own: its synchronous commands, and how to close it. */
    record Dedicated(RedisClusterCommands<String, String> commands, Runnable closer)
            implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
    }

    public boolean isCluster() {
        return cluster != null;
    }

    /** Returns the logical database that holds Convene's data (always 0 on a cluster). */
    int dataDatabase() {
        return cluster != null ? 0 : uri.getDatabase();
    }

    /** Returns where this connection goes, with any password hidden. */
    public String description() {
        return description;
    }

    /**
     * Returns the fields of {@code INFO <section>} (such as "commandstats" or "memory"), summed over
     * the masters of a cluster where a field is a number; for measuring, never on a request path.
     */
    public Map<String, String> info(String section) {
        Map<String, String> fields = new TreeMap<>();
        List<String> replies = cluster != null
                ? cluster.getPartitions().stream().filter(n -> n.is(RedisClusterNode.NodeFlag.UPSTREAM))
                        .map(n -> cluster.getConnection(n.getNodeId()).sync().info(section)).toList()
                : List.of(standalone.sync().info(section));
        for (String reply : replies) {
            reply.lines().filter(line -> line.contains(":") && !line.startsWith("#")).forEach(line -> {
                String key = line.substring(0, line.indexOf(':'));
                String value = line.substring(line.indexOf(':') + 1).strip();
                fields.merge(key, value, RedisConnection::sum);
            });
        }
        return fields;
    }

    private static String sum(String a, String b) {
        try {
            return Long.toString(Long.parseLong(a) + Long.parseLong(b));
        } catch (NumberFormatException notANumber) {
            return a;
        }
    }

    /** Returns the number of keys in {@code database}, over all masters on a cluster. */
    long size(int database) {
        if (cluster != null) return cluster.sync().dbsize();
        if (database == dataDatabase()) return standalone.sync().dbsize();
        try (StatefulRedisConnection<String, String> other = client.connect(withDatabase(database))) {
            return other.sync().dbsize();
        }
    }

    /**
     * Returns the bytes Redis holds for the keys matching {@code pattern} in {@code database} (database 0 on a
     * cluster), by MEMORY USAGE of each, exactly (SAMPLES 0): for measuring, never on a request path (it scans).
     */
    public long memoryOfKeys(String pattern, int database) {
        if (cluster != null) return memoryOfKeys(cluster.sync(), pattern);
        if (database == dataDatabase()) return memoryOfKeys(standalone.sync(), pattern);
        try (StatefulRedisConnection<String, String> other = client.connect(withDatabase(database))) {
            return memoryOfKeys(other.sync(), pattern);
        }
    }

    private static long memoryOfKeys(RedisClusterCommands<String, String> redis, String pattern) {
        long bytes = 0;
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(pattern).limit(1000));
            for (String key : page.getKeys()) {
                Long usage = redis.dispatch(CommandType.MEMORY, new IntegerOutput<>(StringCodec.UTF8),
                        new CommandArgs<>(StringCodec.UTF8).add("USAGE").addKey(key).add("SAMPLES").add(0));
                if (usage != null) bytes += usage;
            }
            cursor = page;
        } while (!cursor.isFinished());
        return bytes;
    }

    /**
     * Rewrites the append-only file now and returns once no rewrite is under way (on every master of a
     * cluster): for a benchmark, so that a rewrite Redis would start on its own (a fork, and the disk) does not
     * fall in a measured run. Nothing happens where the append-only file is off.
     */
    public void compactAppendOnlyFile() {
        if (!"1".equals(info("persistence").get("aof_enabled")) && cluster == null) return;
        try {
            if (cluster != null) cluster.sync().bgrewriteaof();
            else standalone.sync().bgrewriteaof();
        } catch (RedisException alreadyRunning) {
            // a rewrite under way: waited for below
        }
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < until) {
            Map<String, String> p = info("persistence");
            if ("0".equals(p.getOrDefault("aof_rewrite_in_progress", "0"))
                    && "0".equals(p.getOrDefault("aof_rewrite_scheduled", "0"))) return;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Deletes every key in {@code database}, on every master of a cluster. */
    void flush(int database) {
        if (cluster != null) {
            cluster.sync().flushall();
        } else if (database == dataDatabase()) {
            standalone.sync().flushdb();
        } else {
            try (StatefulRedisConnection<String, String> other = client.connect(withDatabase(database))) {
                other.sync().flushdb();
            }
        }
    }

    private RedisURI withDatabase(int database) {
        RedisURI copy = RedisURI.builder(uri).withDatabase(database).build();
        copy.setTimeout(TIMEOUT);
        return copy;
    }

    @Override
    public void close() {
        if (cluster != null) {
            cluster.close();
            clusterClient.shutdown();
        } else {
            standalone.close();
            client.shutdown();
        }
        resources.shutdown();
    }
}
