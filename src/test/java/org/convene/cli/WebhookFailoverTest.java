package org.convene.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.convene.core.Convene;
import org.convene.courier.OkHttpCourier;
import org.convene.model.MeetingDetails;
import org.convene.model.TimeWindow;
import org.convene.model.UserDetails;
import org.convene.store.RedisStore;
import org.convene.testing.ChildJvm;
import org.convene.testing.RedisTargets;
import org.convene.webhook.Delivery;
import org.convene.webhook.DeliveryStatus;
import org.convene.webhook.Endpoint;
import org.convene.webhook.EndpointDetails;
import org.convene.webhook.SecretBox;
import org.convene.webhook.TargetGuard;
import org.convene.webhook.WebhookDispatcher;
import org.convene.webhook.WebhookSettings;
import org.convene.webhook.Webhooks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A node killed (SIGKILL) in the middle of a webhook delivery loses nothing: the work it held stays
 * pending in the consumer group, and another node claims it and delivers it, with the same webhook-id.
 */
@Tag("child-jvm")
class WebhookFailoverTest {

    @Test
    void aNodeKilledMidDeliveryLeavesItsWorkToAnotherThatDeliversIt() throws Exception {
        RedisStore store = new RedisStore(RedisTargets.embedded(), 1);
        store.maintenance().wipe();
        byte[] key = new byte[32];
        key[0] = 7;
        SecretBox box = new SecretBox(key);
        Webhooks webhooks = new Webhooks(store.webhooks(), box, new TargetGuard(true), Clock.systemUTC(), Duration.ofDays(30));
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstArrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (MockWebServer receiver = new MockWebServer()) {
            receiver.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    ids.add(request.getHeaders().get("webhook-id"));
                    if (firstArrived.getCount() > 0) {
                        firstArrived.countDown();
                        release.await(30, TimeUnit.SECONDS); // the node that sent it dies meanwhile
                    }
                    return new MockResponse.Builder().code(200).build();
                }
            });
            receiver.start();
            Endpoint endpoint = webhooks.create(new EndpointDetails(URI.create(receiver.url("/hook").toString()), Set.of(), ""))
                    .endpoint();
            int port;
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
            }
            Map<String, String> env = Map.of("CONVENE_REDIS_URL", RedisTargets.embeddedUrl(), "CONVENE_HTTP_PORT",
                    Integer.toString(port), "CONVENE_ADMIN_TOKEN", "failover-admin-token-0123456789",
                    "CONVENE_WEBHOOK_ALLOW_PRIVATE", "true", "CONVENE_WEBHOOK_KEY", Base64.getEncoder().encodeToString(key),
                    "CONVENE_REQUEST_LOG", "OFF");
            WebhookDispatcher survivor = null;
            try (ChildJvm node = ChildJvm.start(Main.class, env, "serve")) {
                node.awaitLine("Convene is serving on", 90);
                Convene convene = new Convene(store, Clock.systemUTC());
                long user = convene.createUser(new UserDetails("Ann", 30, "", "ann@example.com")).id();
                long meeting = convene.createMeeting(new MeetingDetails("Failover", "", true, List.of())).id();
                long instance = convene.createInstance(meeting, new TimeWindow(Instant.now().minusSeconds(5),
                        Instant.now().plusSeconds(3600))).id();
                convene.join(user, instance);
                assertThat(firstArrived.await(60, TimeUnit.SECONDS)).as("the child node began a delivery").isTrue();

                node.killHard();
                assertThat(ChildJvm.awaitGone(node.pid(), 10)).isTrue();
                release.countDown();

                survivor = new WebhookDispatcher(store.deliveries(), new OkHttpCourier(new TargetGuard(true),
                        Duration.ofSeconds(2), 65_536), box, Clock.systemUTC(), WebhookSettings.defaults(true, 2,
                        Duration.ofMillis(50), 30).withClaimAfter(Duration.ofSeconds(3), Duration.ofSeconds(2)), (r, l, t) -> { },
                        "survivor").start();
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    List<Delivery> log = store.webhooks().deliveries(endpoint.id(), Optional.empty(), OptionalLong.empty(), 100);
                    return log.size() == 3 && log.stream().allMatch(d -> d.status() == DeliveryStatus.DELIVERED);
                });
            } finally {
                release.countDown();
                if (survivor != null) survivor.close();
            }
            List<Delivery> log = store.webhooks().deliveries(endpoint.id(), Optional.empty(), OptionalLong.empty(), 100);
            assertThat(log).extracting(Delivery::type).containsExactlyInAnyOrder("instance.scheduled", "instance.activated",
                    "participant.joined");
            String first = ids.get(0);
            assertThat(ids).as("the message the dead node was sending, sent again with its id")
                    .filteredOn(first::equals).hasSize(2);
            assertThat(Set.copyOf(ids)).containsExactlyInAnyOrderElementsOf(log.stream().map(Delivery::messageId).toList());
        }
    }
}
