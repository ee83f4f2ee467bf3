package org.convene.courier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.convene.bench.WebhookReceiver;
import org.convene.core.AdjustableClock;
import org.convene.core.Convene;
import org.convene.model.MeetingDetails;
import org.convene.model.TimeWindow;
import org.convene.model.UserDetails;
import org.convene.store.RedisStore;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Webhooks over real HTTP to receivers that keep their connections and to receivers that close each
 * one after answering without saying so (HTTP/1.0, as Python's http.server does): every delivery
 * reaches its receiver at the first attempt, once.
 */
class ReceiverKindsTest {
    final AdjustableClock clock = new AdjustableClock(Instant.now());
    final SecretBox box = new SecretBox(new byte[32]);
    final List<WebhookReceiver.Received> received = Collections.synchronizedList(new ArrayList<>());
    RedisStore store;
    Convene convene;
    Webhooks webhooks;
    WebhookDispatcher dispatcher;
    WebhookReceiver receiver;

    @BeforeEach
    void start() {
        store = new RedisStore(RedisTargets.embedded(), 1);
        store.maintenance().wipe();
        convene = new Convene(store, clock);
        webhooks = new Webhooks(store.webhooks(), box, new TargetGuard(true), clock, Duration.ofDays(30));
        Duration timeout = Duration.ofSeconds(5);
        dispatcher = new WebhookDispatcher(store.deliveries(), new OkHttpCourier(new TargetGuard(true), timeout, 64 * 1024),
                box, clock, WebhookSettings.defaults(true, 4, Duration.ofMillis(20), 30).withClaimAfter(
                        timeout.plusSeconds(1), timeout), (r, lag, latency) -> { }, "test");
    }

    @AfterEach
    void stop() {
        dispatcher.close();
        if (receiver != null) receiver.close();
    }

    @ParameterizedTest
    @EnumSource(value = WebhookReceiver.Kind.class, names = {"KEEP_ALIVE", "CLOSING"})
    void everyDeliveryReachesTheReceiverAtTheFirstAttemptOnce(WebhookReceiver.Kind kind) throws Exception {
        receiver = WebhookReceiver.start(kind, received::add);
        Endpoint endpoint = webhooks.create(new EndpointDetails(URI.create(receiver.url()), Set.of(), "")).endpoint();
        long user = convene.createUser(new UserDetails("Ann", 30, "", "ann@example.com")).id();
        long meeting = convene.createMeeting(new MeetingDetails("Standup", "", true, List.of())).id();
        long instance = convene.createInstance(meeting, new TimeWindow(clock.instant().minusSeconds(60),
                clock.instant().plus(Duration.ofHours(1)))).id();
        convene.join(user, instance);
        for (int i = 0; i < 20; i++) {
            convene.post(user, instance, "message " + i);
            // One at a time, so that each rides a connection the one before may have left in the pool.
            int before = received.size();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                dispatcher.look();
                return received.size() > before && log(endpoint).stream().allMatch(d -> d.status() != DeliveryStatus.PENDING
                        && d.status() != DeliveryStatus.RETRYING);
            });
        }

        List<Delivery> log = log(endpoint);
        assertThat(log).hasSizeGreaterThanOrEqualTo(22).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(d.attempts()).isEqualTo(1);
        });
        assertThat(received.stream().map(WebhookReceiver.Received::messageId).distinct().count())
                .isEqualTo(received.size()).isEqualTo(log.size());
    }

    private List<Delivery> log(Endpoint endpoint) {
        return store.webhooks().deliveries(endpoint.id(), Optional.empty(), OptionalLong.empty(), 1000);
    }
}
