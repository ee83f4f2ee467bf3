package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.convene.core.Convene;
import org.convene.core.StoreUnavailableException;
import org.convene.model.ChatMessage;
import org.convene.model.Event;
import org.convene.model.EventType;
import org.convene.model.MeetingDetails;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;
import org.convene.model.TimeWindow;
import org.convene.model.UserDetails;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The short fault-injection run: two nodes (two stores on connections of their own) drive joins, posts
 * and leaves through a real Redis Cluster with replicas while the primary holding a busy meeting is
 * killed with SIGKILL and later started again. Every operation is recorded as acknowledged, refused or
 * unknown (the store did not answer); at the end every instance is ended and the final state is checked:
 * joins and leaves alternate per person, nobody remains in an ended instance, one timeout per person
 * inside at the end, chat numbers gap-free, and every acknowledged post and event present. Acknowledged
 * writes lost to the asynchronous replication are counted and reported, not hidden (Redis Cluster does
 * not promise them). Figures go to target/fault-run.txt.
 */
@Tag("faults")
class ClusterFaultTest {
    static final int USERS = 32;
    static final int MEETINGS = 6;
    static final int WORKERS = 8;

    record Post(long instanceId, long number, String text) {}

    @Test
    void aPrimaryKilledUnderLoadBreaksNoInvariantAndTheClusterRecovers() throws Exception {
        RedisTargets.clusterWithReplicas(); // the same preconditions (Redis 7 installed) as the replicated suite
        try (ClusterProcesses cluster = ClusterProcesses.start()) {
            Convene a = new Convene(new RedisMeetingStore(RedisConnection.open(cluster.urls(), true), 1), Clock.systemUTC());
            Convene b = new Convene(new RedisMeetingStore(RedisConnection.open(cluster.urls(), true), 1), Clock.systemUTC());
            List<Long> users = new ArrayList<>();
            for (int u = 0; u < USERS; u++) users.add(a.createUser(new UserDetails("U" + u, 30, "", "u" + u + "@example.com")).id());
            List<Long> instances = new ArrayList<>();
            List<Long> meetings = new ArrayList<>();
            for (int m = 0; m < MEETINGS; m++) {
                long meeting = a.createMeeting(new MeetingDetails("M" + m, "", true, List.of())).id();
                meetings.add(meeting);
                instances.add(a.createInstance(meeting, new TimeWindow(Instant.now().minusSeconds(1),
                        Instant.now().plus(Duration.ofHours(1)))).id());
            }
            int victim = primaryOf(cluster, "convene:{m:" + meetings.get(0) + "}");
            // A Convene node of its own, with users of its own, killed with SIGKILL in the middle of its work.
            List<Long> childUsers = new ArrayList<>();
            for (int u = 0; u < 8; u++) childUsers.add(a.createUser(new UserDetails("C" + u, 30, "", "c" + u + "@example.com")).id());
            ChildJvm child = ChildJvm.start(ConveneLoad.class, Map.of(), cluster.urls(),
                    childUsers.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")),
                    instances.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
            child.awaitLine("running", 60);
            try {

                LongAdder acked = new LongAdder(), refused = new LongAdder(), unknown = new LongAdder();
                Map<Long, Post> posts = new ConcurrentHashMap<>();
                Map<String, Integer> ackedJoins = new ConcurrentHashMap<>();
                AtomicBoolean stop = new AtomicBoolean();
                AtomicLong slowest = new AtomicLong();
                AtomicLong killedAt = new AtomicLong();
                // When each acknowledged operation on the victim's instance was answered: the outage is the longest gap.
                java.util.Queue<Long> answered = new java.util.concurrent.ConcurrentLinkedQueue<>();
                java.util.Queue<Long> answeredSecond = new java.util.concurrent.ConcurrentLinkedQueue<>();
                AtomicLong pausedAt = new AtomicLong();
                ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
                for (int w = 0; w < WORKERS; w++) {
                    int worker = w;
                    pool.execute(() -> {
                        Random random = new Random(worker);
                        Map<String, Boolean> inside = new HashMap<>();
                        int k = 0;
                        while (!stop.get()) {
                            long user = users.get(worker + WORKERS * random.nextInt(USERS / WORKERS));
                            long instance = instances.get(random.nextInt(MEETINGS));
                            Convene node = random.nextBoolean() ? a : b;
                            String key = user + ":" + instance;
                            long started = System.nanoTime();
                            try {
                                if (!inside.getOrDefault(key, false)) {
                                    node.join(user, instance);
                                    inside.put(key, true);
                                    ackedJoins.merge(key, 1, Integer::sum);
                                } else if (random.nextInt(10) < 7) {
                                    String text = "w" + worker + "-" + (k++);
                                    ChatMessage posted = node.post(user, instance, text, text);
                                    posts.put(posted.instanceId() * 1_000_000 + posted.id(), new Post(instance, posted.id(), text));
                                } else {
                                    node.leave(user, instance);
                                    inside.put(key, false);
                                }
                                acked.increment();
                                if (instance == instances.get(0)) answered.add(System.nanoTime());
                                if (instance == instances.get(1)) answeredSecond.add(System.nanoTime());
                                slowest.accumulateAndGet(System.nanoTime() - started, Math::max);
                            } catch (RefusedException e) {
                                refused.increment();
                                if (e.refusal() == Refusal.ALREADY_IN) inside.put(key, true);
                                if (e.refusal() == Refusal.NOT_IN_MEETING || e.refusal() == Refusal.ALREADY_LEFT
                                        || e.refusal() == Refusal.NOT_JOINED) inside.put(key, false);
                            } catch (StoreUnavailableException e) {
                                unknown.increment(); // the outcome is unknown: the next refusal tells where the person is
                            }
                        }
                    });
                }
                Thread.sleep(2_000);
                child.killHard();
                boolean childGone = ChildJvm.awaitGone(child.pid(), 10);
                Thread.sleep(1_000);
                killedAt.set(System.nanoTime());
                cluster.kill(victim);
                // Long enough for the replica to take over and the clients to follow it before the node returns.
                Thread.sleep(10_000);
                cluster.restart(victim);
                Thread.sleep(4_000);
                // The second fault: a primary that stops answering (SIGSTOP) for longer than the node timeout.
                int paused = primaryOf(cluster, "convene:{m:" + meetings.get(1) + "}");
                pausedAt.set(System.nanoTime());
                cluster.pause(paused);
                Thread.sleep(8_000);
                cluster.resume(paused);
                Thread.sleep(4_000);
                stop.set(true);
                pool.shutdown();
                assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

                for (long instance : instances) end(a, instance);

                int violations = 0;
                long lostPosts = 0, lostJoins = 0;
                List<String> found = new ArrayList<>();
                for (long instance : instances) {
                    List<Event> events = new ArrayList<>();
                    for (List<Event> page = a.eventsOfInstance(instance, 0, 1_000); !page.isEmpty();
                         page = a.eventsOfInstance(instance, page.get(page.size() - 1).id(), 1_000)) events.addAll(page);
                    Map<Long, EventType> last = new HashMap<>();
                    Map<Long, Integer> joins = new HashMap<>();
                    for (Event e : events) {
                        EventType before = last.get(e.userId());
                        boolean join = e.type() == EventType.JOIN_MEETING;
                        if (join == (before == EventType.JOIN_MEETING)) {
                            violations++;
                            found.add("instance " + instance + " user " + e.userId() + ": " + before + " then " + e.type());
                        }
                        last.put(e.userId(), e.type());
                        if (join) joins.merge(e.userId(), 1, Integer::sum);
                    }
                    for (var entry : last.entrySet()) {
                        if (entry.getValue() == EventType.JOIN_MEETING) {
                            violations++;
                            found.add("instance " + instance + " user " + entry.getKey() + " is still inside after the end");
                        }
                    }
                    if (!a.participants(instance).isEmpty()) {
                        violations++;
                        found.add("instance " + instance + " has participants after its end");
                    }
                    List<ChatMessage> chat = new ArrayList<>();
                    for (List<ChatMessage> page = a.chat(instance, 0, 1_000); !page.isEmpty();
                         page = a.chat(instance, page.get(page.size() - 1).id(), 1_000)) chat.addAll(page);
                    for (int n = 0; n < chat.size(); n++) {
                        if (chat.get(n).id() != n + 1) {
                            violations++;
                            found.add("instance " + instance + ": message " + (n + 1) + " is numbered " + chat.get(n).id());
                            break;
                        }
                    }
                    Map<Long, String> texts = new HashMap<>();
                    chat.forEach(m -> texts.put(m.id(), m.text()));
                    for (Post p : posts.values()) {
                        if (p.instanceId() == instance && !p.text().equals(texts.get(p.number()))) lostPosts++;
                    }
                    for (var entry : ackedJoins.entrySet()) {
                        String[] parts = entry.getKey().split(":");
                        if (Long.parseLong(parts[1]) != instance) continue;
                        lostJoins += Math.max(0, entry.getValue() - joins.getOrDefault(Long.parseLong(parts[0]), 0));
                    }
                }
                double recovery = longestGapAfter(answered, killedAt.get()) / 1e9;
                double pauseRecovery = longestGapAfter(answeredSecond, pausedAt.get()) / 1e9;
                String victimRole = role(victim);
                String pausedRole = role(paused);
                String report = String.format("Fault run: a Convene node of its own killed (SIGKILL) mid-work; "
                                + "%d operations acknowledged, %d refused, %d unknown; the primary on "
                                + "port %d killed (SIGKILL) under load and restarted (now %s): writes to its meeting paused %.1f s; "
                                + "the primary on port %d stopped (SIGSTOP) for 8 s and resumed (now %s): writes to its meeting "
                                + "paused %.1f s; slowest acknowledged operation %d ms; acknowledged posts lost %d of %d, acknowledged "
                                + "joins lost %d; invariant violations %d%s%n",
                        acked.sum(), refused.sum(), unknown.sum(), victim, victimRole, recovery, paused, pausedRole, pauseRecovery,
                        slowest.get() / 1_000_000, lostPosts, posts.size(), lostJoins, violations,
                        found.isEmpty() ? "" : ": " + found);
                Files.createDirectories(Path.of("target"));
                Files.writeString(Path.of("target", "fault-run.txt"), report);
                System.out.print(report);

                assertThat(childGone).as("the Convene node was killed").isTrue();
                assertThat(found).as(report).isEmpty();
                assertThat(recovery).as("writes to the killed primary's meeting resumed").isBetween(0.0, 30.0);
                assertThat(victimRole).as("its replica took over: the restarted node came back as a replica").isEqualTo("replica");
                assertThat(pausedRole).as("the stopped primary's replica took over: it resumed as a replica").isEqualTo("replica");
                assertThat(pauseRecovery).as("writes to the stopped primary's meeting resumed").isBetween(0.0, 30.0);
                assertThat(acked.sum()).isPositive();
            } finally {
                child.close(); // stopped by its pid if a failure came before its kill
            }
        }
    }

    /** The longest time without an acknowledged operation after {@code since} (ns). */
    private static long longestGapAfter(java.util.Queue<Long> answered, long since) {
        List<Long> times = answered.stream().sorted().toList();
        long gap = 0;
        for (int i = 1; i < times.size(); i++) {
            if (times.get(i) > since) gap = Math.max(gap, times.get(i) - Math.max(times.get(i - 1), since));
        }
        return gap;
    }

    /** What the node on {@code port} is now: "primary" or "replica". */
    private static String role(int port) throws Exception {
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create("redis://127.0.0.1:" + port);
        try (var connection = client.connect()) {
            for (int i = 0; i < 100; i++) {
                String info = connection.sync().info("replication");
                if (info.contains("role:slave")) return "replica";
                Thread.sleep(100);
            }
            return "primary";
        } finally {
            client.shutdown();
        }
    }

    /** Ends an instance, trying again while the cluster still settles. */
    private static void end(Convene node, long instance) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                node.end(instance);
                return;
            } catch (StoreUnavailableException e) {
                if (attempt > 100) throw e;
                Thread.sleep(100);
            }
        }
    }

    /** The port of the primary that holds {@code key}'s slot. */
    private static int primaryOf(ClusterProcesses cluster, String key) throws Exception {
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create("redis://127.0.0.1:" + cluster.ports().get(0));
        try (var connection = client.connect()) {
            long slot = connection.sync().clusterKeyslot(key);
            for (String line : connection.sync().clusterNodes().split("\n")) {
                String[] f = line.split(" ");
                if (!f[2].contains("master")) continue;
                for (int i = 8; i < f.length; i++) {
                    String[] range = f[i].split("-");
                    long from = Long.parseLong(range[0]), to = range.length > 1 ? Long.parseLong(range[1]) : from;
                    if (slot >= from && slot <= to) return Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1, f[1].indexOf('@')));
                }
            }
        } finally {
            client.shutdown();
        }
        throw new IllegalStateException("no primary holds the slot of " + key);
    }
}
