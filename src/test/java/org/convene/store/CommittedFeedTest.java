package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.convene.core.Convene;
import org.convene.core.StoreUnavailableException;
import org.convene.model.FeedKind;
import org.convene.model.InstanceActivity;
import org.convene.model.MeetingDetails;
import org.convene.model.StreamPosition;
import org.convene.model.TimeWindow;
import org.convene.model.UserDetails;
import org.convene.testing.ClusterProcesses;
import org.convene.testing.RedisTargets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Live streams read the committed feeds: on a cluster with replicas, only what a replica of the feed's
 * primary holds, so that a stream never passes on an entry a failover may still take back.
 */
@Tag("cluster")
class CommittedFeedTest {

    @Test
    void anEntryItsReplicaHasNotYetIsNotPassedOn() {
        RedisConnection redis = RedisTargets.clusterWithReplicas();
        redis.flush(0);
        ClusterProcesses cluster = RedisTargets.clusterWithReplicasProcesses();
        RedisStore store = new RedisStore(redis, 1);
        Convene convene = new Convene(store, Clock.systemUTC());
        long user = convene.createUser(new UserDetails("Ann", 30, "", "ann@example.com")).id();
        long meeting = convene.createMeeting(new MeetingDetails("Committed", "", true, List.of())).id();
        long instance = convene.createInstance(meeting, new TimeWindow(Instant.now().minusSeconds(1),
                Instant.now().plusSeconds(3600))).id();
        convene.join(user, instance);
        await().atMost(Duration.ofSeconds(10)).until(() -> chatIn(store.feeds().committed().activity(instance, StreamPosition.START, 100)) == 0
                && store.feeds().committed().activity(instance, StreamPosition.START, 100).size() == store.feeds().activity(instance,
                StreamPosition.START, 100).size());
        int replica = cluster.replicaOf(cluster.primaryOf("convene:{m:" + meeting + "}"));

        cluster.pause(replica); // well under the node timeout: no failover, only a replica that falls behind
        try {
            convene.post(user, instance, "not on the replica yet");
            assertThat(chatIn(store.feeds().activity(instance, StreamPosition.START, 100))).as("on the primary").isEqualTo(1);
            assertThatThrownBy(() -> store.feeds().committed().activity(instance, StreamPosition.START, 100))
                    .as("the replica does not answer: the read fails, to be made again").isInstanceOf(StoreUnavailableException.class);
            assertThat(store.feeds().committed().activity(Map.of(instance, StreamPosition.START), 100).get(instance))
                    .as("read with others: nothing new from it this time").isEmpty();
        } finally {
            cluster.resume(replica);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> chatIn(store.feeds().committed().activity(instance, StreamPosition.START, 100)) == 1);
    }

    @Test
    void onAStoreWithoutReplicasTheCommittedFeedsAreTheFeeds() {
        RedisStore store = new RedisStore(RedisTargets.embedded(), 1);
        assertThat(store.feeds().committed()).isSameAs(store.feeds());
    }

    private static long chatIn(List<InstanceActivity> entries) {
        return entries.stream().filter(e -> e.kind() == FeedKind.CHAT).count();
    }
}
