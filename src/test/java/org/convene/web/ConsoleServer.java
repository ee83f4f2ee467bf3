package org.convene.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.convene.app.Node;
import org.convene.app.Settings;
import org.convene.core.Convene;
import org.convene.http.ConveneServer;
import org.convene.http.ServerSettings;
import org.convene.schedule.InstanceScheduler;
import org.convene.store.RedisStore;
import org.convene.testing.RedisTargets;
import org.convene.webhook.WebhookDispatcher;

/**
 * Convene as {@code convene serve} runs it (API, streams, console, scheduler) over the embedded
 * test Redis, on a clock that runs with real time plus a shift the test can move forward: an
 * instance "starting in 5 seconds" starts when the test says, not after a sleep.
 */
final class ConsoleServer implements AutoCloseable {
    static final String ADMIN = "console-test-admin-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ShiftedClock clock = new ShiftedClock();
    final RedisStore store = new RedisStore(RedisTargets.embedded(), 1);
    private final InstanceScheduler scheduler;
    private final ConveneServer server;
    private final WebhookDispatcher webhooks;
    private final org.convene.audit.AuditSealer sealer;

    record Account(long id, String token) {}

    ConsoleServer() {
        store.maintenance().wipe();
        Convene convene = new Convene(store, clock);
        scheduler = new InstanceScheduler(store.transitions(), clock, Duration.ofMillis(100), t -> {});
        scheduler.start();
        ServerSettings settings = ServerSettings.defaults(new ServerSettings.Listen("127.0.0.1", 0), Optional.of(ADMIN))
                .with(new ServerSettings.Limits(65_536, 600, 30));
        // Webhooks may reach the test's own receiver on loopback, as CONVENE_WEBHOOK_ALLOW_PRIVATE=true allows.
        Node node = Node.on(store, Settings.from(
                Map.of("CONVENE_WEBHOOK_ALLOW_PRIVATE", "true", "CONVENE_WEBHOOK_POLL_MS", "50")).withServer(settings), clock);
        webhooks = node.webhookDispatcher().start();
        sealer = node.sealer();
        server = ConveneServer.start(node.services(), settings,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                scheduler::isRunning);
    }

    String url() {
        return server.url();
    }

    Instant now() {
        return clock.instant();
    }

    /** Seals what is written, as a server's sealer does every 2 s. */
    void seal() {
        sealer.tick();
    }

    /** Moves the server's clock forward and lets the scheduler act on it at once. */
    void advance(Duration duration) {
        clock.shift.updateAndGet(d -> d.plus(duration));
        scheduler.wakeUp();
    }

    /** Ends every live stream, as a network drop or a proxy restart would; clients must resume. */
    void dropStreams() {
        server.dropStreams();
    }

    Account createUser(String name, String email) {
        JsonNode created = call("POST", "/users", ADMIN, "{\"name\":\"" + name + "\",\"age\":30,\"email\":\"" + email + "\"}");
        return new Account(created.get("user").get("id").asLong(), created.get("token").asText());
    }

    JsonNode call(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) request.header("Content-Type", "application/json");
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        webhooks.close();
        scheduler.close();
    }

    /** Real time plus a shift that only grows. */
    private static final class ShiftedClock extends Clock {
        final AtomicReference<Duration> shift = new AtomicReference<>(Duration.ZERO);

        @Override
        public Instant instant() {
            return Instant.now().plus(shift.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
