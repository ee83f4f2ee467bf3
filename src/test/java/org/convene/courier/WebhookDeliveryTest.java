package org.convene.courier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.convene.core.AdjustableClock;
import org.convene.core.Convene;
import org.convene.model.MeetingDetails;
import org.convene.model.RefusedException;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Webhooks over real HTTP, to a local receiver (MockWebServer), from the embedded Redis: signatures
 * checked by the Standard Webhooks reference library, a receiver that is down and then up, redirects,
 * slow answers and targets inside the network.
 */
class WebhookDeliveryTest {
    static final ObjectMapper JSON = new ObjectMapper();

    final AdjustableClock clock = new AdjustableClock(Instant.now());
    final SecretBox box = new SecretBox(new byte[32]);
    final List<RecordedRequest> received = Collections.synchronizedList(new ArrayList<>());
    final AtomicBoolean down = new AtomicBoolean();
    final List<WebhookDispatcher> dispatchers = new ArrayList<>();
    MockWebServer receiver;
    RedisStore store;
    Convene convene;
    Webhooks webhooks;

    @BeforeEach
    void start() throws Exception {
        store = new RedisStore(RedisTargets.embedded(), 1);
        store.maintenance().wipe();
        convene = new Convene(store, clock);
        webhooks = new Webhooks(store.webhooks(), box, new TargetGuard(true), clock, Duration.ofDays(30));
        receiver = new MockWebServer();
        receiver.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                received.add(request);
                if (request.getTarget().equals("/moved")) {
                    return new MockResponse.Builder().code(302).addHeader("Location", receiver.url("/hook").toString()).build();
                }
                if (request.getTarget().equals("/slow")) return new MockResponse.Builder().code(200).headersDelay(3, TimeUnit.SECONDS).build();
                if (request.getTarget().equals("/gone")) return new MockResponse.Builder().code(410).build();
                return new MockResponse.Builder().code(down.get() ? 503 : 200).body("ok").build();
            }
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        dispatchers.forEach(WebhookDispatcher::close);
        receiver.close();
    }

    WebhookDispatcher dispatcher(TargetGuard guard, Duration timeout) {
        WebhookSettings settings = WebhookSettings.defaults(true, 4, Duration.ofMillis(20), 30)
                .withClaimAfter(timeout.plusSeconds(1), timeout);
        WebhookDispatcher d = new WebhookDispatcher(store.deliveries(), new OkHttpCourier(guard, timeout, 64 * 1024), box,
                clock, settings, (r, lag, latency) -> { }, "test");
        dispatchers.add(d);
        return d;
    }

    WebhookDispatcher dispatcher() {
        return dispatcher(new TargetGuard(true), Duration.ofSeconds(2));
    }

    Webhooks.WithSecret endpoint(String path) {
        return webhooks.create(new EndpointDetails(URI.create(receiver.url(path).toString()), Set.of(), ""));
    }

    /** A public meeting with an instance active now, and a user inside it. */
    long activeInstanceWithSomeoneInside(String email) {
        long user = convene.createUser(new UserDetails("U " + email, 30, "", email)).id();
        long meeting = convene.createMeeting(new MeetingDetails("M " + email, "", true, List.of())).id();
        long instance = convene.createInstance(meeting, new TimeWindow(clock.instant().minusSeconds(60),
                clock.instant().plus(Duration.ofDays(10)))).id();
        convene.join(user, instance);
        return instance;
    }

    List<Delivery> log(Endpoint e) {
        return store.webhooks().deliveries(e.id(), Optional.empty(), OptionalLong.empty(), 1000);
    }

    void lookUntil(WebhookDispatcher d, Callable<Boolean> done) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            d.look();
            return done.call();
        });
    }

    static Map<String, List<String>> headers(RecordedRequest request) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        request.getHeaders().names().forEach(name -> all.put(name, request.getHeaders().values(name)));
        return all;
    }

    @Test
    void theStandardWebhooksLibraryVerifiesTheSignatureAlsoAcrossASecretRotation() throws Exception {
        Webhooks.WithSecret made = endpoint("/hook");
        WebhookDispatcher d = dispatcher();
        long instance = activeInstanceWithSomeoneInside("a@example.com");
        lookUntil(d, () -> log(made.endpoint()).stream().allMatch(x -> x.status() == DeliveryStatus.DELIVERED));
        RecordedRequest first = received.get(0);
        new Webhook(made.secret()).verify(first.getBody().utf8(), headers(first));
        int before = received.size();

        Webhooks.WithSecret rotated = webhooks.rotateSecret(made.endpoint().id(), org.convene.model.Acting.ROOT);
        convene.post(convene.participants(instance).get(0).userId(), instance, "after the rotation");
        lookUntil(d, () -> received.size() > before);
        RecordedRequest second = received.get(before);

        new Webhook(rotated.secret()).verify(second.getBody().utf8(), headers(second));
        new Webhook(made.secret()).verify(second.getBody().utf8(), headers(second));
        assertThat(second.getHeaders().get("webhook-signature")).contains(" ");
        assertThatThrownBy(() -> new Webhook(rotated.secret()).verify(second.getBody().utf8().replace("after", "before"),
                headers(second))).isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aReceiverDownForAWhileThenUpGetsEveryMessageInOrderPerInstance() {
        Endpoint e = endpoint("/hook").endpoint();
        WebhookDispatcher d = dispatcher();
        down.set(true);
        long one = activeInstanceWithSomeoneInside("one@example.com");
        long two = activeInstanceWithSomeoneInside("two@example.com");
        for (int i = 0; i < 5; i++) {
            convene.post(convene.participants(one).get(0).userId(), one, "one " + i);
            convene.post(convene.participants(two).get(0).userId(), two, "two " + i);
        }
        lookUntil(d, () -> log(e).stream().anyMatch(x -> x.status() == DeliveryStatus.RETRYING));
        for (int hour = 0; hour < 3; hour++) {
            clock.advance(Duration.ofMinutes(20));
            d.look();
        }

        down.set(false);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            clock.advance(Duration.ofMinutes(30));
            d.look();
            return log(e).stream().allMatch(x -> x.status() == DeliveryStatus.DELIVERED);
        });

        Set<String> expected = new HashSet<>();
        log(e).forEach(x -> expected.add(x.messageId()));
        Map<Long, List<Long>> firstDeliveredSequences = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        synchronized (received) {
            for (RecordedRequest r : received) {
                if (r.getTarget().equals("/hook") && seen.add(r.getHeaders().get("webhook-id"))) {
                    JsonNode data = read(r).get("data");
                    firstDeliveredSequences.computeIfAbsent(data.get("instanceId").asLong(), k -> new ArrayList<>())
                            .add(data.get("sequence").asLong());
                }
            }
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(firstDeliveredSequences.get(one)).isSorted().doesNotHaveDuplicates();
        assertThat(firstDeliveredSequences.get(two)).isSorted();
        assertThat(log(e)).allMatch(x -> x.attempts() >= 1);
    }

    @Test
    void anEndpointAnswering410IsDisabled() {
        Endpoint e = endpoint("/gone").endpoint();
        WebhookDispatcher d = dispatcher();
        activeInstanceWithSomeoneInside("g@example.com");

        lookUntil(d, () -> !webhooks.endpoint(e.id()).enabled());

        assertThat(webhooks.endpoint(e.id()).disabledReason()).hasValueSatisfying(r -> assertThat(r).contains("410"));
    }

    @Test
    void redirectsAreNotFollowed() {
        Endpoint e = endpoint("/moved").endpoint();
        WebhookDispatcher d = dispatcher();
        activeInstanceWithSomeoneInside("r@example.com");

        lookUntil(d, () -> log(e).stream().anyMatch(x -> x.status() == DeliveryStatus.RETRYING));

        assertThat(received).extracting(RecordedRequest::getTarget).containsOnly("/moved");
        assertThat(log(e).stream().filter(x -> x.status() == DeliveryStatus.RETRYING).findFirst().orElseThrow().lastCode())
                .hasValue(302);
    }

    @Test
    void aSlowAnswerIsCutOffAtTheTimeoutAndTriedAgain() {
        Endpoint e = endpoint("/slow").endpoint();
        WebhookDispatcher d = dispatcher(new TargetGuard(true), Duration.ofMillis(300));
        activeInstanceWithSomeoneInside("s@example.com");

        lookUntil(d, () -> log(e).stream().anyMatch(x -> x.status() == DeliveryStatus.RETRYING));

        Delivery tried = log(e).stream().filter(x -> x.status() == DeliveryStatus.RETRYING).findFirst().orElseThrow();
        assertThat(tried.lastError()).hasValue("no answer within the timeout");
        assertThat(tried.latencyMillis()).isLessThan(2_000);
    }

    @Test
    void targetsInsideTheNetworkAreRefusedWhenTheEndpointIsMade() {
        Webhooks guarded = new Webhooks(store.webhooks(), box, new TargetGuard(false), clock, Duration.ofDays(30));
        for (String url : List.of("http://127.0.0.1/hook", "http://localhost:8080/x", "http://169.254.169.254/latest/meta-data",
                "http://10.1.2.3/", "http://192.168.0.10/", "http://[::1]/", "http://[fd00::1]/", "http://100.64.0.1/",
                "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/", "http://[64:ff9b::a9fe:a9fe]/latest/meta-data",
                "http://[2002:7f00:1::1]/")) {
            assertThatThrownBy(() -> guarded.create(new EndpointDetails(URI.create(url), Set.of(), "")))
                    .as(url).isInstanceOf(RefusedException.class).hasMessageContaining("may not reach");
        }
        assertThat(guarded.endpoints()).isEmpty();
    }

    /** An endpoint added while private targets were allowed, named or by IP literal, which OkHttp looks no name up for. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aTargetThatTurnsOutInsideIsNotConnectedToWhenDelivering(boolean ipLiteral) {
        HttpUrl named = receiver.url("/hook");
        HttpUrl url = ipLiteral ? named.newBuilder().host("127.0.0.1").build() : named;
        Endpoint e = webhooks.create(new EndpointDetails(URI.create(url.toString()), Set.of(), "")).endpoint();
        WebhookDispatcher d = dispatcher(new TargetGuard(false), Duration.ofSeconds(2));
        activeInstanceWithSomeoneInside("i@example.com");

        lookUntil(d, () -> log(e).stream().anyMatch(x -> x.status() == DeliveryStatus.RETRYING));

        assertThat(received).isEmpty();
        assertThat(log(e).stream().filter(x -> x.status() == DeliveryStatus.RETRYING).findFirst().orElseThrow().lastError())
                .hasValueSatisfying(m -> assertThat(m).contains("may not reach"));
    }

    private static JsonNode read(RecordedRequest r) {
        try {
            return JSON.readTree(r.getBody().utf8());
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
