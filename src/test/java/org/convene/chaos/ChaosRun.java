package org.convene.chaos;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.convene.chaos.Ledger.Outcome;
import org.convene.core.Convene;
import org.convene.core.StoreUnavailableException;
import org.convene.model.InstanceStatus;
import org.convene.model.MeetingDetails;
import org.convene.model.MeetingInstance;
import org.convene.model.RefusedException;
import org.convene.model.StreamPosition;
import org.convene.model.TimeWindow;
import org.convene.model.UserDetails;
import org.convene.store.RedisConnection;
import org.convene.store.RedisStore;
import org.convene.store.ReplicaWait;
import org.convene.testing.ClusterProcesses;

/**
 * A fault-injection run: a Redis Cluster with replicas (6 processes), 3 {@code convene serve} JVMs on it,
 * 8 workers sending joins, posts, leaves and ends over HTTP to any node, streams followed across nodes,
 * instances begun and ended by the nodes' schedulers, while faults are injected one at a time and then
 * overlapping. Every operation is recorded; at the end the final state and the streams received are
 * checked ({@link Invariants}). The short plan (for CI) injects each fault once; the long one draws
 * faults at random for as long as it is told. About 350 lines: one run's whole timeline in one place, where
 * a reader checks what was injected against what was checked.
 */
final class ChaosRun {
    static final int USERS = 32;
    static final int MEETINGS = 6;
    static final int PLANNED_MEETINGS = 3;
    static final int WORKERS = 8;
    static final int NODES = 3;
    private static final Duration PLANNED_LENGTH = Duration.ofSeconds(6);

    /** What a run does: how long the load lasts when drawn at random (zero: the short plan), and CONVENE_REDIS_WAIT_REPLICAS. */
    record Plan(Duration length, int waitReplicas, long seed) {
        boolean isShort() {
            return length.isZero();
        }
    }

    /** A scheduled instance: made by the planner ahead of its start, begun and ended by the nodes; some ended early by hand. */
    record Planned(long id, Instant from, Instant to, boolean endEarly) {}

    private final Plan plan;
    private final Ledger ledger = new Ledger();
    private final List<Planned> planned = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicBoolean planning = new AtomicBoolean(true);

    ChaosRun(Plan plan) {
        this.plan = plan;
    }

    /** Runs the plan from start to end and returns its report. */
    ChaosReport run() throws Exception {
        long began = System.nanoTime();
        try (ClusterProcesses cluster = ClusterProcesses.start();
             RedisConnection redis = RedisConnection.open(cluster.urls(), true, null,
                     new ReplicaWait(plan.waitReplicas(), Duration.ofSeconds(1)))) {
            RedisStore store = new RedisStore(redis, 1);
            Convene admin = new Convene(store, Clock.systemUTC());
            List<Long> users = new ArrayList<>();
            for (int u = 0; u < USERS; u++) users.add(admin.createUser(new UserDetails("U" + u, 30, "", "u" + u + "@example.com")).id());
            List<Long> meetings = new ArrayList<>();
            List<Long> instances = new ArrayList<>();
            for (int m = 0; m < MEETINGS; m++) {
                long meeting = admin.createMeeting(new MeetingDetails("M" + m, "", true, List.of())).id();
                meetings.add(meeting);
                instances.add(admin.createInstance(meeting, new TimeWindow(Instant.now().minusSeconds(1),
                        Instant.now().plus(Duration.ofHours(6)))).id());
            }
            List<Long> plannedMeetings = new ArrayList<>();
            for (int m = 0; m < PLANNED_MEETINGS; m++) {
                plannedMeetings.add(admin.createMeeting(new MeetingDetails("P" + m, "", true, List.of())).id());
            }
            try (ConveneNodes nodes = ConveneNodes.start(cluster.urls(), NODES, plan.waitReplicas())) {
                Traffic traffic = new Traffic();
                Faults faults = new Faults(cluster, nodes, meetings, instances);
                List<StreamFollower> followers = new ArrayList<>();
                for (int m = 0; m < MEETINGS; m++) {
                    followers.add(new StreamFollower("/instances/" + instances.get(m) + "/stream", nodes, plan.seed() + m));
                }
                StreamFollower lifecycle = new StreamFollower("/stream?scope=lifecycle", nodes, plan.seed() + 99);
                Thread planner = new Thread(() -> plan(admin, plannedMeetings, traffic, nodes), "chaos-planner");
                planner.start();
                Thread moderator = new Thread(() -> moderate(users, meetings, instances, traffic, nodes), "chaos-moderator");
                moderator.start();
                ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
                for (int w = 0; w < WORKERS; w++) {
                    int worker = w;
                    pool.execute(() -> work(worker, users, instances, traffic, nodes));
                }
                long loadBegan = System.nanoTime();
                try {
                    if (plan.isShort()) shortPlan(faults); else longPlan(faults);
                    awaitResumed(faults.injected());
                } finally {
                    planning.set(false);
                    Thread.sleep(PLANNED_LENGTH.toMillis() + 2_000); // the planned instances under way reach their end
                    stop.set(true);
                    pool.shutdown();
                    pool.awaitTermination(60, TimeUnit.SECONDS);
                    planner.join(60_000);
                    moderator.join(60_000);
                }
                double loadSeconds = (System.nanoTime() - loadBegan) / 1e9;
                for (long instance : instances) endByHand(traffic, nodes, instance);
                for (Planned p : planned) awaitEnded(admin, p.id());
                awaitQuiet(store, planned);

                Invariants check = new Invariants(admin, store);
                Set<Long> scheduled = new HashSet<>();
                for (Planned p : planned) {
                    if (!scheduled.add(p.id())) {
                        check.createdTwice(p.id());
                        continue;
                    }
                    check.instance(p.id(), ledger, true);
                }
                for (long instance : instances) check.instance(instance, ledger, false);
                for (int m = 0; m < MEETINGS; m++) check.moderation(meetings.get(m), instances.get(m));
                check.lifecycle(scheduled);
                check.auditTrail(ConveneNodes.AUDIT_KEY, java.time.Clock.systemUTC());
                for (int m = 0; m < MEETINGS; m++) {
                    List<StreamPosition> truth = check.feed(instances.get(m));
                    awaitCaughtUp(followers.get(m), truth);
                    check.stream("the stream of instance " + instances.get(m), followers.get(m).ids(), truth);
                }
                List<StreamPosition> lifecycleTruth = check.lifecycleFeed();
                awaitCaughtUp(lifecycle, lifecycleTruth);
                check.stream("the lifecycle stream", lifecycle.ids(), lifecycleTruth);
                int hops = lifecycle.hops(), breaks = lifecycle.breaks();
                for (StreamFollower f : followers) {
                    hops += f.hops();
                    breaks += f.breaks();
                    f.close();
                }
                lifecycle.close();
                return new ChaosReport(plan, ledger, faults.injected(), check, planned.size(), hops, breaks, loadSeconds,
                        (System.nanoTime() - began) / 1e9, cluster.clusterErrors(), loadBegan);
            }
        }
    }

    /**
     * Keeps the load on until writes to what each fault touched are acknowledged again (at most 30 s): with WAIT
     * a shard confirms nothing until its old primary is back as its replica, a few seconds after the fault.
     */
    private void awaitResumed(List<Faults.Injected> injected) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (Faults.Injected fault : injected) {
            while (!ledger.resumedAfter(fault.touched(), fault.endedAt()) && System.nanoTime() < until) {
                ClusterProcesses.sleepFor(100);
            }
        }
    }

    /** Each fault once, one after the other, then a Convene node killed while a primary is stopped. */
    private void shortPlan(Faults faults) throws Exception {
        Thread.sleep(5_000);
        faults.nodeKill(2);
        Thread.sleep(3_000);
        faults.primaryKill(0, Duration.ofSeconds(10));
        Thread.sleep(4_000);
        faults.primaryStop(1, Duration.ofSeconds(8));
        Thread.sleep(4_000);
        faults.failover(2);
        Thread.sleep(3_000);
        faults.slotMove(3);
        Thread.sleep(3_000);
        Faults.together(() -> {
            faults.nodeKill(0);
            return null;
        }, () -> {
            faults.primaryStop(4, Duration.ofSeconds(8));
            return null;
        });
        Thread.sleep(4_000);
    }

    /** Faults drawn at random (kind, target, sometimes two at once) until the plan's length has passed. */
    private void longPlan(Faults faults) throws Exception {
        Random random = new Random(plan.seed());
        long until = System.nanoTime() + plan.length().toNanos();
        Thread.sleep(5_000);
        while (System.nanoTime() < until) {
            List<Callable<Void>> now = new ArrayList<>();
            Set<Integer> kinds = new HashSet<>();
            kinds.add(random.nextInt(5));
            // Two at once: a Convene node's death with one Redis fault (two Redis faults could meet on one process).
            if (random.nextInt(4) == 0) kinds.add(0);
            for (int kind : kinds) {
                int m = random.nextInt(MEETINGS);
                int node = random.nextInt(NODES);
                now.add(() -> {
                    switch (kind) {
                        case 0 -> faults.nodeKill(node);
                        case 1 -> faults.primaryKill(m, Duration.ofSeconds(10));
                        case 2 -> faults.primaryStop(m, Duration.ofSeconds(8));
                        case 3 -> faults.failover(m);
                        default -> faults.slotMove(m);
                    }
                    return null;
                });
            }
            Faults.together(now.toArray(Callable[]::new));
            Thread.sleep(4_000 + random.nextInt(6_000));
        }
    }

    /** A worker: joins, posts and leaves of its own users (so it knows where each is) through any node that is up. */
    private void work(int worker, List<Long> users, List<Long> instances, Traffic traffic, ConveneNodes nodes) {
        Random random = new Random(plan.seed() * 31 + worker);
        Map<String, Boolean> inside = new HashMap<>();
        for (long k = 0; !stop.get(); k++) {
            long user = users.get(worker + WORKERS * random.nextInt(USERS / WORKERS));
            long instance = pickInstance(random, instances);
            String node = nodes.url(nodes.anyUp(random));
            String key = user + ":" + instance;
            Traffic.Answer answer;
            if (!inside.getOrDefault(key, false)) {
                answer = traffic.join(node, user, instance);
                if (answer.outcome() == Outcome.OK) {
                    inside.put(key, true);
                    ledger.joined(user, instance);
                }
            } else if (random.nextInt(10) < 7) {
                String text = "w" + worker + "-" + k;
                answer = traffic.post(node, user, instance, text, text);
                if (answer.outcome() == Outcome.UNKNOWN) {
                    // Asked again with the same key, on another node: posted once either way, and now known.
                    ledger.record(answer.outcome(), instance);
                    ledger.retriedPosts.increment();
                    answer = traffic.post(nodes.url(nodes.anyUp(random)), user, instance, text, text);
                }
                if (answer.outcome() == Outcome.OK) ledger.posted(new Ledger.Post(instance, answer.number(), text));
            } else {
                answer = traffic.leave(node, user, instance);
                if (answer.outcome() == Outcome.OK) inside.put(key, false);
            }
            if (answer.outcome() == Outcome.REFUSED) {
                switch (answer.problem()) {
                    case "already-in" -> inside.put(key, true);
                    case "not-in-meeting", "already-left", "not-joined", "instance-ended", "not-active" -> inside.put(key, false);
                    default -> { }
                }
            }
            if (answer.status() == 500) ledger.serverErrors.increment();
            ledger.record(answer.outcome(), instance);
        }
    }

    /**
     * A host keeping order through the faults, as root on any node: deletes a message someone posted, bans a user
     * from a meeting (taking them out of its instance) and lifts the ban a moment later. Whatever it is answered,
     * the checks at the end hold each effect to its audit record.
     */
    private void moderate(List<Long> users, List<Long> meetings, List<Long> instances, Traffic traffic, ConveneNodes nodes) {
        Random random = new Random(plan.seed() + 13);
        while (!stop.get()) {
            int m = random.nextInt(meetings.size());
            String node = nodes.url(nodes.anyUp(random));
            List<Ledger.Post> posted = ledger.posts.values().stream().filter(p -> p.instanceId() == instances.get(m)).toList();
            if (random.nextBoolean() && !posted.isEmpty()) {
                ledger.moderations.increment();
                traffic.deleteMessage(node, instances.get(m), posted.get(random.nextInt(posted.size())).number());
            } else {
                long user = users.get(random.nextInt(users.size()));
                ledger.moderations.increment();
                traffic.ban(node, meetings.get(m), user, false);
                sleep(100);
                traffic.ban(nodes.url(nodes.anyUp(random)), meetings.get(m), user, true);
            }
            sleep(150);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long pickInstance(Random random, List<Long> instances) {
        if (random.nextInt(3) == 0) {
            Instant now = Instant.now();
            for (Planned p : planned) {
                if (!now.isBefore(p.from()) && now.isBefore(p.to()) && random.nextBoolean()) return p.id();
            }
        }
        return instances.get(random.nextInt(instances.size()));
    }

    /**
     * Makes each planned meeting's next instance a few seconds before it begins, back to back with a gap; one
     * in three is ended by hand half-way (through any node), racing nothing but the scheduler's own end.
     */
    private void plan(Convene admin, List<Long> meetings, Traffic traffic, ConveneNodes nodes) {
        Random random = new Random(plan.seed() + 7);
        Map<Long, Instant> next = new HashMap<>();
        meetings.forEach(m -> next.put(m, Instant.now().plusSeconds(4)));
        List<Planned> toEnd = new ArrayList<>();
        while (planning.get()) {
            Instant now = Instant.now();
            for (long meeting : meetings) {
                if (next.get(meeting).isAfter(now.plusSeconds(3))) continue;
                // A planner held up by a fault starts again from now, never with a window already past.
                // In milliseconds, as the store keeps it: an earlier attempt whose answer was lost is found by it.
                Instant from = (next.get(meeting).isBefore(now.plusSeconds(2)) ? now.plusSeconds(2) : next.get(meeting))
                        .truncatedTo(ChronoUnit.MILLIS);
                Instant to = from.plus(PLANNED_LENGTH);
                next.put(meeting, to.plusSeconds(1));
                MeetingInstance made;
                try {
                    made = retry(() -> admin.instancesOf(meeting).stream()
                            .filter(i -> i.window().from().equals(from)).findFirst()
                            .orElseGet(() -> admin.createInstance(meeting, new TimeWindow(from, to))));
                } catch (RefusedException late) {
                    continue; // an earlier attempt's instance overlaps (its answer was lost): the next window is free
                }
                Planned p = new Planned(made.id(), from, to, random.nextInt(3) == 0);
                planned.add(p);
                if (p.endEarly()) toEnd.add(p);
            }
            for (var it = toEnd.iterator(); it.hasNext(); ) {
                Planned p = it.next();
                if (Instant.now().isAfter(p.from().plus(PLANNED_LENGTH.dividedBy(2)))) {
                    it.remove();
                    traffic.end(nodes.url(random.nextInt(NODES)), p.id()); // whatever it answers: the end comes once either way
                }
            }
            ClusterProcesses.sleepFor(100);
        }
    }

    /** Ends an instance through the nodes, asking again (any node) until one says it is ended. */
    private static void endByHand(Traffic traffic, ConveneNodes nodes, long instance) {
        for (int attempt = 0; attempt < 300; attempt++) {
            Traffic.Answer answer = traffic.end(nodes.url(attempt % NODES), instance);
            if (answer.outcome() == Outcome.OK || answer.problem().equals("instance-ended")) return;
            ClusterProcesses.sleepFor(100);
        }
        throw new IllegalStateException("instance " + instance + " could not be ended");
    }

    private static void awaitEnded(Convene admin, long instance) {
        for (int attempt = 0; attempt < 300; attempt++) {
            if (retry(() -> admin.instance(instance)).status() == InstanceStatus.ENDED) return;
            ClusterProcesses.sleepFor(100);
        }
        throw new IllegalStateException("the schedulers never ended instance " + instance);
    }

    /**
     * Waits until the schedulers have nothing left due: the index of due times and the lifecycle are
     * projections, made whole again by the schedulers after a fault, and are checked once they are.
     */
    private static void awaitQuiet(RedisStore store, List<Planned> planned) {
        Instant last = planned.stream().map(Planned::to).max(Instant::compareTo).orElse(Instant.now());
        while (Instant.now().isBefore(last.plusSeconds(1))) ClusterProcesses.sleepFor(100);
        for (int attempt = 0; attempt < 600; attempt++) {
            if (retry(() -> store.transitions().dueInstances(Instant.now(), 1)).isEmpty()) return;
            ClusterProcesses.sleepFor(100);
        }
    }

    private static void awaitCaughtUp(StreamFollower follower, List<StreamPosition> truth) {
        if (truth.isEmpty()) return;
        String last = truth.get(truth.size() - 1).toString();
        for (int attempt = 0; attempt < 300 && !last.equals(follower.last()); attempt++) ClusterProcesses.sleepFor(100);
    }

    /** An administrator's call, asked again while the cluster settles. */
    private static <T> T retry(Supplier<T> call) {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.get();
            } catch (StoreUnavailableException e) {
                if (attempt > 300) throw e;
                ClusterProcesses.sleepFor(100);
            }
        }
    }
}
