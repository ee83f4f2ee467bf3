package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.convene.core.Convene;
import org.convene.core.Services;
import org.convene.core.port.FeedWatch;
import org.convene.core.port.LiveFeeds;
import org.convene.model.InstanceActivity;
import org.convene.model.LifecycleChange;
import org.convene.model.StreamPosition;
import org.convene.store.RedisStore;
import org.convene.testing.ApiServer;
import org.convene.testing.SseListener;
import org.convene.testing.TestServers;
import org.junit.jupiter.api.Test;

/**
 * Word that a feed changed is a projection and can be lost (a node that dies between a write and its
 * word): the streams' periodic sweep of every feed still delivers what was never announced.
 */
class LostWordTest {

    @Test
    void anEntryNobodyAnnouncedReachesSubscribersAtTheNextSweep() throws Exception {
        ServerSettings d = TestServers.settings(Optional.of(ApiServer.ADMIN), 1_000_000, List.of());
        ServerSettings.Timings t = d.timings();
        ServerSettings sweepingOften = d.with(new ServerSettings.Timings(Duration.ofMillis(200), t.heartbeat(),
                t.idleTimeout(), t.stopTimeout(), t.streamRecheck()));
        try (ApiServer api = new ApiServer(sweepingOften, LostWordTest::neverAnnounced)) {
            SseListener jane = new SseListener(api.server.url() + "/instances/1/stream", api.jane, null);
            assertThat(jane.subscribed.await(10, TimeUnit.SECONDS)).isTrue();

            api.convene.join(1, 1);
            api.convene.post(1, 1, "never announced");

            assertThat(jane.awaitText("never announced", 10)).isTrue();
            jane.drop();
        }
    }

    /** The same services, but the streams' watch never names a feed. */
    private static Services neverAnnounced(RedisStore store, Services usual) {
        Convene reads = usual.convene();
        LiveFeeds silent = new LiveFeeds() {
            @Override
            public List<InstanceActivity> activity(long instanceId, StreamPosition after, int limit) {
                return reads.activity(instanceId, after, limit);
            }

            @Override
            public Map<Long, List<InstanceActivity>> activity(Map<Long, StreamPosition> after, int limit) {
                return reads.activity(after, limit);
            }

            @Override
            public FeedWatch watch() {
                return new FeedWatch() {
                    @Override
                    public Set<Long> next(Duration max) {
                        try {
                            Thread.sleep(max.toMillis());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return Set.of();
                    }

                    @Override
                    public void close() {}
                };
            }

            @Override
            public List<LifecycleChange> lifecycle(StreamPosition after, int limit) {
                return reads.lifecycle(after, limit);
            }
        };
        Convene withSilentFeeds = new Convene(store, silent, Clock.systemUTC());
        return new Services(withSilentFeeds, usual.access(), usual.tokens(), usual.signIn(), usual.chatLimit(),
                usual.streams(), usual.webhooks(), usual.recurrences(), usual.calendars(), usual.audit(), usual.personal(),
                usual.signIns(), usual.accounts());
    }
}
