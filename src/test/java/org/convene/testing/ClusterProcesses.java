package org.convene.testing;

import io.lettuce.core.MigrateArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.SlotHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A Redis Cluster of 3 primaries and 3 replicas from plain redis-server processes, through
 * scripts/redis-cluster: started in a directory of its own, and every process it started stopped by its
 * pid (a node can also be killed with SIGKILL and started again, for fault injection).
 */
public final class ClusterProcesses implements AutoCloseable {
    private final Path dir;
    private final List<Integer> ports;

    private ClusterProcesses(Path dir, List<Integer> ports) {
        this.dir = dir;
        this.ports = ports;
    }

    /** Starts a cluster in a new temporary directory. */
    public static ClusterProcesses start() {
        try {
            Path dir = Files.createTempDirectory("convene-cluster-");
            String output = run("start", dir.toString());
            String line = output.lines().filter(l -> l.startsWith("ports ")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no ports from scripts/redis-cluster: " + output));
            return new ClusterProcesses(dir, Arrays.stream(line.substring(6).trim().split(" ")).map(Integer::parseInt).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ports of every node, primaries and replicas. */
    public List<Integer> ports() {
        return ports;
    }

    /** The URLs of every node, as CONVENE_REDIS_URL takes them. */
    public String urls() {
        return ports.stream().map(p -> "redis://127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    /** SIGKILL of the node on {@code port}. */
    public void kill(int port) {
        run("kill", dir.toString(), Integer.toString(port));
    }

    /** Starts the node on {@code port} again; it rejoins the cluster. */
    public void restart(int port) {
        run("restart", dir.toString(), Integer.toString(port));
    }

    /** SIGSTOP of the node on {@code port}: alive, but answering nothing. */
    public void pause(int port) {
        run("pause", dir.toString(), Integer.toString(port));
    }

    /** SIGCONT of the node on {@code port}. */
    public void resume(int port) {
        run("resume", dir.toString(), Integer.toString(port));
    }

    /** The port of the primary that holds {@code key}'s slot now. */
    public int primaryOf(String key) {
        return primariesOf(List.of(key)).get(key);
    }

    /**
     * The port of the primary that holds each key's slot now, asking each node about itself (another node's
     * view can lag a failover by a few hundred ms). Where two nodes claim a slot, the one with the higher
     * config epoch holds it: a primary killed and started again claims its old slots from its saved
     * configuration until it hears of the replica that replaced it (the fault run chose such a node as the
     * victim of a later fault, and measured the pause of the wrong instances).
     */
    public Map<String, Integer> primariesOf(List<String> keys) {
        Map<String, Integer> owners = new HashMap<>();
        Map<String, Long> epochs = new HashMap<>();
        for (int port : ports) {
            Node self;
            try {
                self = withNode(port, redis -> nodes(redis).stream().filter(Node::myself).findFirst().orElse(null));
            } catch (RuntimeException down) {
                continue; // that node is down or stopped: the others say who holds what
            }
            if (self == null || !self.primary()) continue;
            for (String key : keys) {
                if (self.holds(SlotHash.getSlot(key)) && self.epoch() > epochs.getOrDefault(key, -1L)) {
                    owners.put(key, self.port());
                    epochs.put(key, self.epoch());
                }
            }
        }
        for (String key : keys) {
            if (!owners.containsKey(key)) throw new IllegalStateException("no primary says it holds the slot of " + key);
        }
        return owners;
    }

    /** The port of a replica of the primary on {@code primaryPort}. */
    public int replicaOf(int primaryPort) {
        return withNode(primaryPort, redis -> {
            String id = redis.clusterMyId();
            return nodes(redis).stream().filter(n -> id.equals(n.primaryId())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no replica of the primary on " + primaryPort)).port();
        });
    }

    /** What the node on {@code port} is now: "primary" or "replica", as it says itself. */
    public String role(int port) {
        return withNode(port, redis -> redis.info("replication").contains("role:slave") ? "replica" : "primary");
    }

    /** CLUSTER FAILOVER on the replica on {@code replicaPort} (coordinated with its primary); returns once it is primary. */
    public void failover(int replicaPort) throws InterruptedException {
        withNode(replicaPort, redis -> redis.clusterFailover(false));
        for (int i = 0; i < 100 && role(replicaPort).equals("replica"); i++) Thread.sleep(100);
        if (role(replicaPort).equals("replica")) throw new IllegalStateException("the replica on " + replicaPort + " did not take over");
    }

    /**
     * Moves the slot of {@code key} from its primary to the primary on {@code targetPort} while clients go on
     * using it, as redis-cli's resharding does: IMPORTING / MIGRATING, the keys moved {@code batch} at a
     * time with {@code paceMillis} between batches (so that clients meet the migration: ASK, TRYAGAIN), then
     * the slot assigned to its new primary on every primary.
     */
    public void moveSlot(String key, int targetPort, int batch, long paceMillis) {
        beginMove(key, targetPort, batch, paceMillis).run();
    }

    /**
     * Moves every key of {@code key}'s slot to the primary on {@code targetPort} as {@link #moveSlot} does, but
     * leaves the slot IMPORTING / MIGRATING (its old primary answers ASK for it) until the returned step, which
     * assigns it to its new primary, is run.
     */
    public Runnable beginMove(String key, int targetPort, int batch, long paceMillis) {
        int source = primaryOf(key);
        if (source == targetPort) throw new IllegalArgumentException("the slot of " + key + " is already on " + targetPort);
        List<Integer> others = primaries().stream().filter(p -> p != source && p != targetPort).toList();
        record Ends(int slot, String targetId) {
        }
        // One connection to each end for the whole move: the slot stays split no longer than the keys take.
        Ends ends = withNode(source, from -> withNode(targetPort, to -> {
            int slot = (int) (long) from.clusterKeyslot(key);
            String sourceId = from.clusterMyId();
            String targetId = to.clusterMyId();
            to.clusterSetSlotImporting(slot, sourceId);
            from.clusterSetSlotMigrating(slot, targetId);
            for (List<String> keys = from.clusterGetKeysInSlot(slot, batch); !keys.isEmpty();
                 keys = from.clusterGetKeysInSlot(slot, batch)) {
                from.migrate("127.0.0.1", targetPort, 0, 10_000, MigrateArgs.Builder.keys(keys));
                sleepFor(paceMillis);
            }
            return new Ends(slot, targetId);
        }));
        // The new owner first, then the old one, then the others (what redis-cli does).
        return () -> {
            withNode(targetPort, to -> to.clusterSetSlotNode(ends.slot(), ends.targetId()));
            withNode(source, from -> from.clusterSetSlotNode(ends.slot(), ends.targetId()));
            for (int primary : others) withNode(primary, redis -> redis.clusterSetSlotNode(ends.slot(), ends.targetId()));
        };
    }

    /** Sleeps {@code millis}; an interrupt stops the caller (a fault run's thread) with the flag kept. */
    public static void sleepFor(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The redirections and refusals the nodes answered so far, from their {@code INFO errorstats}: MOVED,
     * ASK, TRYAGAIN, CLUSTERDOWN (a node restarted counts from its restart).
     */
    public Map<String, Long> clusterErrors() {
        Map<String, Long> counts = new TreeMap<>();
        for (int port : ports) {
            try {
                String info = withNode(port, redis -> redis.info("errorstats"));
                for (String line : info.split("\r?\n")) {
                    for (String kind : List.of("MOVED", "ASK", "TRYAGAIN", "CLUSTERDOWN")) {
                        if (line.startsWith("errorstat_" + kind + ":count=")) {
                            counts.merge(kind, Long.parseLong(line.substring(line.indexOf('=') + 1).trim()), Long::sum);
                        }
                    }
                }
            } catch (RuntimeException down) {
                // a node that does not answer now adds nothing
            }
        }
        return counts;
    }

    /** The ports of the primaries now. */
    public List<Integer> primaries() {
        for (int port : ports) {
            try {
                return withNode(port, redis -> nodes(redis).stream().filter(Node::primary).map(Node::port).toList());
            } catch (RuntimeException down) {
                // ask another node
            }
        }
        throw new IllegalStateException("no node of the cluster answers");
    }

    /** One node's view of the cluster: each node's port, whether it is a primary, whose replica, which slots. */
    List<Node> nodes(RedisCommands<String, String> redis) {
        List<Node> nodes = new ArrayList<>();
        for (String line : redis.clusterNodes().split("\n")) {
            String[] f = line.split(" ");
            if (f.length < 8 || f[2].contains("fail") || f[2].contains("noaddr")) continue;
            int port = Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1, f[1].indexOf('@')));
            List<long[]> ranges = new ArrayList<>();
            for (int i = 8; i < f.length; i++) {
                if (f[i].startsWith("[")) continue; // a slot being imported or migrated
                String[] range = f[i].split("-");
                ranges.add(new long[] {Long.parseLong(range[0]), Long.parseLong(range[range.length - 1])});
            }
            nodes.add(new Node(f[0], port, f[2].contains("myself"), f[2].contains("master"), "-".equals(f[3]) ? null : f[3],
                    Long.parseLong(f[6]), ranges));
        }
        return nodes;
    }

    /** A node as CLUSTER NODES lists it. */
    record Node(String id, int port, boolean myself, boolean primary, String primaryId, long epoch, List<long[]> slots) {
        boolean holds(long slot) {
            return slots.stream().anyMatch(r -> slot >= r[0] && slot <= r[1]);
        }
    }

    /** Runs {@code action} on a plain connection to the node on {@code port}. */
    public <T> T withNode(int port, Function<RedisCommands<String, String>, T> action) {
        // A short timeout: the node may be the one stopped with SIGSTOP, and the caller then asks another.
        RedisClient client = RedisClient.create(RedisURI.builder()
                .withHost("127.0.0.1").withPort(port).withTimeout(Duration.ofSeconds(3)).build());
        try (var connection = client.connect()) {
            return action.apply(connection.sync());
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    /** Stops every process the cluster started (a paused node is resumed first). */
    @Override
    public void close() {
        for (int port : ports) run("resume", dir.toString(), Integer.toString(port)); // a paused node cannot stop
        run("stop", dir.toString());
    }

    private static String run(String... args) {
        try {
            String[] command = new String[args.length + 1];
            command[0] = "scripts/redis-cluster";
            System.arraycopy(args, 0, command, 1, args.length);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("scripts/redis-cluster " + String.join(" ", args) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
