package org.convene.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.convene.testing.ClusterProcesses;

/**
 * The faults of a run, each on real processes: a Convene node killed (SIGKILL) and started again; a
 * primary killed (SIGKILL) and started again later (it returns as a replica); a primary stopped (SIGSTOP)
 * for longer than the cluster's node timeout; CLUSTER FAILOVER on a replica; a busy meeting's slot moved
 * to another primary under load. Each is recorded with when it began and ended and which instances it
 * touched (those whose primary it was), for the pause it caused.
 */
final class Faults {
    /** One fault as injected: its kind, what it hit, its time span (System.nanoTime) and the instances it touched (none: all). */
    record Injected(String kind, String detail, long startedAt, long endedAt, List<Long> touched) {}

    private final ClusterProcesses cluster;
    private final ConveneNodes nodes;
    private final List<Long> meetings;
    private final List<Long> instances;
    private final List<Injected> injected = Collections.synchronizedList(new ArrayList<>());

    /** Faults on {@code cluster} and {@code nodes}; {@code meetings} and their {@code instances} (same order) are the targets. */
    Faults(ClusterProcesses cluster, ConveneNodes nodes, List<Long> meetings, List<Long> instances) {
        this.cluster = cluster;
        this.nodes = nodes;
        this.meetings = meetings;
        this.instances = instances;
    }

    List<Injected> injected() {
        return List.copyOf(injected);
    }

    /** SIGKILL of Convene node {@code node} in the middle of its work, then its restart. */
    void nodeKill(int node) throws Exception {
        long started = System.nanoTime();
        nodes.kill(node);
        nodes.restart(node);
        injected.add(new Injected("Convene node killed (SIGKILL), restarted", "node " + node, started, System.nanoTime(), List.of()));
    }

    /** SIGKILL of the primary holding meeting {@code m}; started again after {@code down}. */
    void primaryKill(int m, Duration down) throws Exception {
        int primary = cluster.primaryOf(key(m));
        List<Long> touched = instancesOn(primary);
        long started = System.nanoTime();
        cluster.kill(primary);
        Thread.sleep(down.toMillis());
        cluster.restart(primary);
        injected.add(new Injected("primary killed (SIGKILL), restarted " + down.toSeconds() + " s later", "port " + primary,
                started, System.nanoTime(), touched));
    }

    /** SIGSTOP of the primary holding meeting {@code m} for {@code stopped} (longer than the node timeout), then SIGCONT. */
    void primaryStop(int m, Duration stopped) throws Exception {
        int primary = cluster.primaryOf(key(m));
        List<Long> touched = instancesOn(primary);
        long started = System.nanoTime();
        cluster.pause(primary);
        try {
            Thread.sleep(stopped.toMillis());
        } finally {
            cluster.resume(primary);
        }
        injected.add(new Injected("primary stopped (SIGSTOP) " + stopped.toSeconds() + " s", "port " + primary, started,
                System.nanoTime(), touched));
    }

    /** CLUSTER FAILOVER on the replica of the primary holding meeting {@code m}. */
    void failover(int m) throws Exception {
        int primary = cluster.primaryOf(key(m));
        int replica = cluster.replicaOf(primary);
        List<Long> touched = instancesOn(primary);
        long started = System.nanoTime();
        cluster.failover(replica);
        injected.add(new Injected("CLUSTER FAILOVER", "replica " + replica + " of " + primary, started, System.nanoTime(), touched));
    }

    /** Moves the slot of meeting {@code m} to another primary while it is in use. */
    void slotMove(int m) throws Exception {
        int primary = cluster.primaryOf(key(m));
        int target = cluster.primaries().stream().filter(p -> p != primary).findFirst().orElseThrow();
        long started = System.nanoTime();
        cluster.moveSlot(key(m), target, 10, 0); // as redis-cli reshards: 10 keys per MIGRATE, no pause
        injected.add(new Injected("slot moved under load", "meeting " + meetings.get(m) + " from " + primary + " to " + target,
                started, System.nanoTime(), List.of(instances.get(m))));
    }

    /** Runs {@code faults} at the same time and waits for all. */
    @SafeVarargs
    static void together(Callable<Void>... faults) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(faults.length);
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (Callable<Void> fault : faults) running.add(pool.submit(fault));
            for (Future<Void> fault : running) fault.get();
        } finally {
            pool.shutdownNow();
        }
    }

    /** The instances of the run's meetings whose slot is on the primary on {@code port}. */
    private List<Long> instancesOn(int port) {
        List<String> keys = new ArrayList<>();
        for (int m = 0; m < meetings.size(); m++) keys.add(key(m));
        Map<String, Integer> owners = cluster.primariesOf(keys); // one look at the cluster for all of them
        List<Long> on = new ArrayList<>();
        for (int m = 0; m < meetings.size(); m++) {
            if (owners.get(key(m)) == port) on.add(instances.get(m));
        }
        return on;
    }

    String key(int m) {
        return "convene:{m:" + meetings.get(m) + "}";
    }
}
