package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.convene.core.Convene;
import org.convene.core.StoreUnavailableException;
import org.convene.model.EndResult;
import org.convene.model.MeetingDetails;
import org.convene.model.TimeWindow;
import org.convene.model.UserDetails;
import org.convene.testing.ClusterProcesses;
import org.convene.testing.RedisTargets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * CONVENE_REDIS_WAIT_REPLICAS: a write counts as done only once the replicas asked for hold it; one they
 * did not confirm in time is reported as not confirmed (its outcome unknown), and reads never wait.
 */
@Tag("cluster")
class ReplicaWaitTest {

    @Test
    void aWriteNoReplicaConfirmsIsReportedAsNotConfirmed() {
        try (RedisConnection redis = RedisConnection.open(RedisTargets.embeddedUrl(), false, null,
                new ReplicaWait(1, Duration.ofMillis(50)))) {
            Convene convene = new Convene(new RedisStore(redis, 1), Clock.systemUTC());
            // The embedded Redis has no replica: not even the first write can be confirmed.
            assertThatThrownBy(() -> convene.createUser(new UserDetails("Ann", 30, "", "ann@example.com")))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("not confirmed by 1 Redis replica(s) within 50 ms (0 did)");
        }
    }

    @Test
    void readsDoNotWaitForReplicas() {
        try (RedisConnection redis = RedisConnection.open(RedisTargets.embeddedUrl(), false, null,
                new ReplicaWait(1, Duration.ofSeconds(5)))) {
            Convene convene = new Convene(new RedisStore(redis, 1), Clock.systemUTC());
            long started = System.nanoTime();
            convene.users(0, 10);
            convene.meetings(0, 10);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no read waited the 5 s for a replica")
                    .isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void aWriteIsNotConfirmedWhileTheReplicaIsStopped() {
        RedisTargets.clusterWithReplicas().flush(0);
        ClusterProcesses cluster = RedisTargets.clusterWithReplicasProcesses();
        try (RedisConnection redis = RedisConnection.open(cluster.urls(), true, null, new ReplicaWait(1, Duration.ofMillis(300)))) {
            Convene convene = new Convene(new RedisStore(redis, 1), Clock.systemUTC());
            long user = convene.createUser(new UserDetails("Ann", 30, "", "ann@example.com")).id();
            long meeting = convene.createMeeting(new MeetingDetails("Replicated", "", true, List.of())).id();
            long instance = convene.createInstance(meeting, new TimeWindow(Instant.now().minusSeconds(1),
                    Instant.now().plusSeconds(3600))).id();
            int replica = cluster.replicaOf(cluster.primaryOf("convene:{m:" + meeting + "}"));
            cluster.pause(replica); // for well under the node timeout: no failover, only a silent replica
            try {
                assertThatThrownBy(() -> convene.join(user, instance)).isInstanceOf(StoreUnavailableException.class)
                        .hasMessageContaining("not confirmed by 1 Redis replica(s) within 300 ms (0 did)");
            } finally {
                cluster.resume(replica);
            }
            assertThat(convene.participants(instance)).as("the unconfirmed join was applied on the primary: its outcome "
                    + "was unknown to the caller, not undone").hasSize(1);
        }
    }

    @Test
    void idsHandedOutWaitForAReplicaEvenWithoutTheSetting() {
        RedisTargets.clusterWithReplicas().flush(0);
        ClusterProcesses cluster = RedisTargets.clusterWithReplicasProcesses();
        int users = cluster.primaryOf(Keys.USERS);
        int catalog = cluster.primaryOf(Keys.CATALOG);
        long usersBefore = waits(cluster, users);
        long catalogBefore = waits(cluster, catalog);
        try (RedisConnection redis = RedisConnection.open(cluster.urls(), true, null, ReplicaWait.NONE)) {
            Convene convene = new Convene(new RedisStore(redis, 1), Clock.systemUTC());
            long user = convene.createUser(new UserDetails("Ann", 30, "", "ann@example.com")).id();
            long meeting = convene.createMeeting(new MeetingDetails("Ids", "", true, List.of())).id();
            convene.join(user, convene.createInstance(meeting, new TimeWindow(Instant.now().minusSeconds(1),
                    Instant.now().plusSeconds(3600))).id());
        }
        // A user's id; a meeting's id, an instance's id and its due times (and the join, which writes no id, waits for none).
        assertThat(waits(cluster, users) - usersBefore).as("WAITs on the users' primary").isGreaterThanOrEqualTo(1);
        assertThat(waits(cluster, catalog) - catalogBefore).as("WAITs on the catalog's primary").isGreaterThanOrEqualTo(2);
    }

    @Test
    void aDurableWriteOnAMigratingSlotIsRunOnTheImportingNodeAndConfirmedThere() {
        RedisTargets.clusterWithReplicas().flush(0);
        ClusterProcesses cluster = RedisTargets.clusterWithReplicasProcesses();
        try (RedisConnection redis = RedisConnection.open(cluster.urls(), true, null, ReplicaWait.NONE)) {
            Convene convene = new Convene(new RedisStore(redis, 1), Clock.systemUTC());
            long user = convene.createUser(new UserDetails("Ann", 30, "", "ann@example.com")).id();
            long meeting = convene.createMeeting(new MeetingDetails("Moving", "", true, List.of())).id();
            long instance = convene.createInstance(meeting, new TimeWindow(Instant.now().minusSeconds(1),
                    Instant.now().plusSeconds(3600))).id();
            convene.join(user, instance);
            String key = "convene:{m:" + meeting + "}";
            int source = cluster.primaryOf(key);
            int target = cluster.primaries().stream().filter(p -> p != source).findFirst().orElseThrow();
            long asksBefore = cluster.clusterErrors().getOrDefault("ASK", 0L);
            long targetWaitsBefore = waits(cluster, target);
            Runnable finish = cluster.beginMove(key, target, 100, 0);
            // Every key of the slot is on the importing node: its old primary answers ASK; the importing node
            // answers TRYAGAIN to a script that would create a key there, until the move is finished (then the
            // old primary answers MOVED). The end, a durable write, follows each and is confirmed by the
            // replica of the node that ran it.
            CompletableFuture<EndResult> end = CompletableFuture.supplyAsync(() -> convene.end(instance));
            try {
                Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                        .until(() -> cluster.clusterErrors().getOrDefault("ASK", 0L) > asksBefore || end.isDone());
            } finally {
                finish.run();
            }
            assertThat(end.join().timedOutUserIds()).containsExactly(user);
            assertThat(cluster.clusterErrors().getOrDefault("ASK", 0L)).as("ASK answered").isGreaterThan(asksBefore);
            assertThat(waits(cluster, target)).as("WAITs on the node that ran the end").isGreaterThan(targetWaitsBefore);
            assertThat(convene.participants(instance)).isEmpty();
        }
    }

    /** How many WAIT commands the node on {@code port} has run. */
    private static long waits(ClusterProcesses cluster, int port) {
        String stats = cluster.withNode(port, node -> node.info("commandstats"));
        return stats.lines().filter(l -> l.startsWith("cmdstat_wait:")).findFirst()
                .map(l -> Long.parseLong(l.substring(l.indexOf("calls=") + 6, l.indexOf(',')))).orElse(0L);
    }
}
