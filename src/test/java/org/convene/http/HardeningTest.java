package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.convene.store.EmbeddedRedis;
import org.convene.store.RedisConnection;
import org.convene.store.RedisStore;
import org.convene.testing.ApiServer;
import org.convene.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What the security issue asked of every answer, of probes and of clients that misbehave. */
class HardeningTest {
    static final String METRICS_TOKEN = "metrics-token-0123456789";

    static ServerSettings with(int signInFailures, Optional<String> metricsToken, boolean metricsPublic) {
        ServerSettings d = TestServers.settings(Optional.of(ApiServer.ADMIN), 1_000, List.of());
        ServerSettings.Admission a = d.admission();
        return d.with(new ServerSettings.Limits(d.limits().maxBodyBytes(), d.limits().chatPerMinute(), signInFailures))
                .with(new ServerSettings.Admission(a.adminToken(), a.corsOrigins(), a.tokenCache(), metricsToken, metricsPublic));
    }

    @Test
    void everyAnswerSaysNosniffFilesAndErrorsIncluded() {
        try (ApiServer api = new ApiServer(with(1_000, Optional.empty(), false))) {
            for (String path : List.of("/health", "/", "/console/console.js", "/nowhere", "/users", "/docs")) {
                assertThat(api.call("GET", path, null, null).header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            }
        }
    }

    @Test
    void answersCarryingATokenAreNeverStored() {
        try (ApiServer api = new ApiServer(with(1_000, Optional.empty(), false))) {
            var created = api.call("POST", "/users", ApiServer.ADMIN, "{\"name\":\"N\",\"age\":1,\"email\":\"n@example.com\"}");
            var rotated = api.call("POST", "/users/1/token", ApiServer.ADMIN, null);

            assertThat(created.header("Cache-Control")).isEqualTo("no-store");
            assertThat(rotated.header("Cache-Control")).isEqualTo("no-store");
        }
    }

    @Test
    void theApiDocsCannotBeFramedAndRunNoInlineScript() {
        try (ApiServer api = new ApiServer(with(1_000, Optional.empty(), false))) {
            var docs = api.call("GET", "/docs", null, null);

            assertThat(docs.header("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'");
            assertThat(docs.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(docs.raw().body()).doesNotContain("<script>");
            assertThat(api.call("GET", "/docs.js", null, null).raw().body()).contains("SwaggerUIBundle");
        }
    }

    @Test
    void metricsNeedTheAdministratorsToken() {
        try (ApiServer api = new ApiServer(with(1_000, Optional.empty(), false))) {
            assertThat(api.call("GET", "/metrics", null, null).status()).isEqualTo(401);
            assertThat(api.call("GET", "/metrics", api.john, null).status()).isEqualTo(403);
            assertThat(api.call("GET", "/metrics", ApiServer.ADMIN, null).status()).isEqualTo(200);
        }
    }

    @Test
    void metricsAcceptTheMetricsTokenWhereOneIsSet() {
        try (ApiServer api = new ApiServer(with(1_000, Optional.of(METRICS_TOKEN), false))) {
            assertThat(api.call("GET", "/metrics", METRICS_TOKEN, null).status()).isEqualTo(200);
            assertThat(api.call("GET", "/metrics", "metrics-token-0123456780", null).status()).isEqualTo(401);
        }
    }

    @Test
    void metricsMadePublicNeedNoToken() {
        try (ApiServer api = new ApiServer(with(1_000, Optional.empty(), true))) {
            assertThat(api.call("GET", "/metrics", null, null).status()).isEqualTo(200);
        }
    }

    @Test
    void repeatedBadTokensFromOneAddressAreSlowedDownWithoutLockingOutTheHolder() {
        try (ApiServer api = new ApiServer(with(5, Optional.empty(), false))) {
            assertThat(api.call("GET", "/me", api.john, null).status()).isEqualTo(200);
            for (int i = 0; i < 5; i++) {
                assertThat(api.call("GET", "/me", "cv_guess" + i, null).status()).isEqualTo(401);
            }

            var limited = api.call("GET", "/me", "cv_guess-again", null);

            assertThat(limited.status()).isEqualTo(429);
            assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
            assertThat(api.call("GET", "/me", api.john, null).status()).as("the holder, from the same address").isEqualTo(200);
        }
    }

    @Test
    void repeatedUnknownCalendarFeedsFromOneAddressAreSlowedDownWithoutLockingOutTheHolder() {
        try (ApiServer api = new ApiServer(with(5, Optional.empty(), false))) {
            String feed = api.call("POST", "/users/1/calendar-token", api.john, null).json().path("url").asText();
            assertThat(api.call("GET", feed, null, null).status()).isEqualTo(200);
            for (int i = 0; i < 5; i++) {
                assertThat(api.call("GET", "/calendar/cal_guess" + i + ".ics", null, null).status()).isEqualTo(404);
            }

            var limited = api.call("GET", "/calendar/cal_guess-again.ics", null, null);

            assertThat(limited.status()).isEqualTo(429);
            assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
            assertThat(api.call("GET", feed, null, null).status()).as("the holder, from the same address").isEqualTo(200);
        }
    }

    @Test
    void readinessAnswersWithinASecondWhenRedisIsGoneAndHealthStaysUp() {
        EmbeddedRedis redis = EmbeddedRedis.ephemeral();
        RedisConnection connection = RedisConnection.open(redis.url(), false);
        ServerSettings settings = with(1_000, Optional.empty(), false);
        try (ConveneServer server = ConveneServer.start(TestServers.services(new RedisStore(connection, 1),
                Clock.systemUTC(), settings), settings, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> true)) {
            redis.close();
            var client = HttpClient.newHttpClient();

            long start = System.nanoTime();
            var ready = client.sendAsync(HttpRequest.newBuilder(URI.create(server.url() + "/ready")).build(),
                    HttpResponse.BodyHandlers.ofString()).join();
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            var health = client.sendAsync(HttpRequest.newBuilder(URI.create(server.url() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).join();

            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(tookMs).as("ms to answer /ready").isLessThan(1_000);
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            connection.close();
        }
    }

    @Test
    void aClientThatHangsUpMidBodyIsNoServerError() throws Exception {
        Logger problems = (Logger) LoggerFactory.getLogger(Problems.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        problems.addAppender(logged);
        try (ApiServer api = new ApiServer(with(1_000, Optional.empty(), false))) {
            URI uri = URI.create(api.server.url());
            for (int i = 0; i < 20; i++) {
                try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST /meetings HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ApiServer.ADMIN
                            + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"title\":")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            }
            // A request after them all: by the time it is answered, the hung-up ones were handled.
            assertThat(api.call("GET", "/meetings", ApiServer.ADMIN, null).status()).isEqualTo(200);
            Awaitility.await().during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> logged.list.stream().noneMatch(e -> e.getLevel() == Level.ERROR));
        } finally {
            problems.detachAppender(logged);
        }
    }
}
