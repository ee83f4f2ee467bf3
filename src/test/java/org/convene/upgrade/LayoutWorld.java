package org.convene.upgrade;

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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.convene.app.Node;
import org.convene.app.Settings;
import org.convene.core.AdjustableClock;
import org.convene.http.ConveneServer;
import org.convene.schedule.InstanceScheduler;
import org.convene.store.RedisStore;
import org.convene.testing.TestServers;
import org.convene.webhook.port.DeliveryQueue;

/**
 * A world holding every kind of record Convene keeps, written through the HTTP API on an adjustable
 * clock, and the reads that show each kind back. {@link LayoutFixtureWriter} writes it with the code of
 * the release that makes a fixture; {@code UpgradeTest} loads that fixture into a fresh Redis and
 * checks that today's code reads every record back as that release did.
 */
final class LayoutWorld implements AutoCloseable {
    /** The time the reads are made at, in the writer and in the upgrade test alike. */
    static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    /** Seals webhook secrets: the same in the writer and the test, so that a sealed secret opens again. */
    static final String WEBHOOK_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final AdjustableClock clock;
    final RedisStore store;
    final Node node;
    final ConveneServer server;

    /** A server on {@code store} at {@code start}, its administrator token the stored one (made if missing). */
    LayoutWorld(RedisStore store, Instant start) {
        this.clock = new AdjustableClock(start);
        this.store = store;
        Settings settings = Settings.from(Map.of("CONVENE_WEBHOOK_ALLOW_PRIVATE", "true",
                "CONVENE_WEBHOOK_KEY", WEBHOOK_KEY)).withServer(TestServers.settings(Optional.empty(), 60, List.of()));
        this.node = Node.on(store, settings, clock);
        this.server = ConveneServer.start(node.services(), settings.server(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> true);
    }

    /** One scheduler pass at the clock's time: activations, ends and reminders due. */
    void tick() {
        try (InstanceScheduler scheduler = node.scheduler(clock, Duration.ofHours(1), t -> { })) {
            scheduler.tick();
        }
    }

    /** An answer: its status and body. */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        Answer ok() {
            if (status / 100 != 2) throw new IllegalStateException("expected success, got " + status + ": " + body);
            return this;
        }
    }

    Answer call(String method, String path, String token, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (token != null) request.header("Authorization", "Bearer " + token);
        if (json != null) request.header("Content-Type", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The events of a stream from {@code lastEventId}: its id, event and data lines, until {@code events}
     * events came (0: until none came for two seconds, for the writer, which does not know how many there
     * are); then the stream is dropped. Fails after 20 s without them.
     */
    List<String> streamHead(String path, String token, String lastEventId, int events) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token);
        if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
        BlockingQueue<String> arriving = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Void>> response = HTTP.sendAsync(request.build(),
                HttpResponse.BodyHandlers.fromLineSubscriber(new LineCollector(arriving)));
        List<String> lines = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try {
            int seen = 0;
            while (events == 0 || seen < events) {
                String line = arriving.poll(events == 0 ? 2_000 : 200, TimeUnit.MILLISECONDS);
                if (line == null) {
                    if (events == 0) break;
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError(path + ": " + seen + " of " + events + " events in 20 s: " + lines);
                    }
                    continue;
                }
                if (line.startsWith("id: ") || line.startsWith("event: ") || line.startsWith("data: ")) lines.add(line);
                if (line.startsWith("data: ")) seen++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            response.cancel(true);
        }
        return lines;
    }

    /** Hands each line of a response to a queue. */
    private record LineCollector(BlockingQueue<String> lines) implements Flow.Subscriber<String> {
        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            lines.add(line);
        }

        @Override
        public void onError(Throwable error) {
            // the stream was dropped: what arrived is all there is
        }

        @Override
        public void onComplete() {
            // likewise
        }
    }

    /** The tokens a world's reads need, by name: the administrator's and the users'. */
    record Tokens(Map<String, String> byName) {
        String of(String name) {
            String token = byName.get(name);
            if (token == null) throw new IllegalArgumentException("no token for " + name);
            return token;
        }
    }

    /**
     * Writes the world on an empty store, starting three hours before {@link #NOW} and ending at it:
     * users (one deleted, one re-tokened, one edited), public and private meetings with every option,
     * instances scheduled, active, ended by their schedule and by hand, deleted, moved; joins, leaves,
     * rejoins, timeouts, a removal, chat (with an idempotency key), presence; a series with a cancelled
     * and a moved occurrence and a split; a calendar feed token; a webhook endpoint with deliveries
     * drained, attempted, failed and replayed. Returns the tokens.
     */
    Tokens write() {
        Map<String, String> tokens = new LinkedHashMap<>();
        String admin = server.generatedAdminToken().orElseThrow();
        tokens.put("admin", admin);
        String ann = call("POST", "/users", admin, "{\"name\":\"Ann Lee\",\"age\":31,\"gender\":\"Female\","
                + "\"email\":\"ann@example.com\"}").ok().json().path("token").asText();
        String bob = call("POST", "/users", admin, "{\"name\":\"Bob Ray\",\"age\":40,\"gender\":\"Male\","
                + "\"email\":\"bob@example.com\"}").ok().json().path("token").asText();
        String cy = call("POST", "/users", admin, "{\"name\":\"Cy Young\",\"age\":22,\"gender\":\"Other\","
                + "\"email\":\"cy@example.com\"}").ok().json().path("token").asText();
        String dee = call("POST", "/users", admin, "{\"name\":\"Dee Dee\",\"age\":58,\"gender\":\"Female\","
                + "\"email\":\"dee@example.com\"}").ok().json().path("token").asText();
        call("PUT", "/users/4", admin, "{\"name\":\"Dee Dee Ramone\",\"age\":59,\"gender\":\"Female\","
                + "\"email\":\"dee@example.com\"}").ok();
        bob = call("POST", "/users/2/token", admin, null).ok().json().path("token").asText();
        tokens.put("ann", ann);
        tokens.put("bob", bob);
        tokens.put("dee", dee);
        String feed = call("POST", "/users/1/calendar-token", ann, null).ok().json().path("url").asText();
        tokens.put("annFeed", feed.substring("/calendar/".length(), feed.length() - ".ics".length()));

        call("POST", "/webhooks", admin, "{\"url\":\"http://127.0.0.1:9/hook\",\"events\":[\"*\"],"
                + "\"description\":\"every event\"}").ok();
        call("POST", "/webhooks", admin, "{\"url\":\"http://127.0.0.1:9/chat\",\"events\":[\"chat.message_posted\"],"
                + "\"description\":\"chat only\"}").ok();
        call("PATCH", "/webhooks/2", admin, "{\"enabled\":false}").ok();

        call("POST", "/meetings", admin, "{\"title\":\"Standup\",\"description\":\"Daily, public\",\"isPublic\":true,"
                + "\"audience\":[],\"capacity\":10,\"presence\":{\"leaseSeconds\":1800,\"graceSeconds\":60},"
                + "\"reminderMinutes\":5}").ok();
        call("POST", "/meetings", admin, "{\"title\":\"Review\",\"description\":\"Private\",\"isPublic\":false,"
                + "\"audience\":[\"ann@example.com\",\"dee@example.com\",\"nobody@example.com\"]}").ok();
        call("POST", "/meetings", admin, "{\"title\":\"Weekly sync\",\"description\":\"A series\",\"isPublic\":true,"
                + "\"audience\":[]}").ok();
        call("POST", "/meetings", admin, "{\"title\":\"Unused\",\"description\":\"\",\"isPublic\":true,\"audience\":[]}").ok();
        call("POST", "/meetings", admin, "{\"title\":\"Gone\",\"description\":\"\",\"isPublic\":true,\"audience\":[]}").ok();
        call("DELETE", "/meetings/5", admin, null).ok();
        call("PUT", "/meetings/4", admin, "{\"title\":\"Unused, renamed\",\"description\":\"kept empty\","
                + "\"isPublic\":false,\"audience\":[\"bob@example.com\"]}").ok();

        Instant start = clock.instant();
        // 1: over before NOW, by its schedule; 2: active at NOW; 3: tomorrow; 4: private, active at NOW;
        // 5: ended by hand; 6: made and deleted; 7: made, then moved.
        window(admin, 1, start.plus(Duration.ofMinutes(30)), start.plus(Duration.ofMinutes(90)));
        window(admin, 1, NOW.minus(Duration.ofMinutes(10)), NOW.plus(Duration.ofMinutes(50)));
        window(admin, 1, NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)));
        window(admin, 2, NOW.minus(Duration.ofMinutes(5)), NOW.plus(Duration.ofMinutes(55)));
        window(admin, 2, start.plus(Duration.ofMinutes(20)), start.plus(Duration.ofMinutes(100)));
        window(admin, 4, NOW.plus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(2)).plus(Duration.ofHours(1)));
        window(admin, 4, NOW.plus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(3)).plus(Duration.ofHours(1)));
        call("DELETE", "/instances/6", admin, null).ok();
        call("PUT", "/instances/7", admin, windowJson(NOW.plus(Duration.ofDays(4)),
                NOW.plus(Duration.ofDays(4)).plus(Duration.ofMinutes(30)))).ok();

        call("POST", "/meetings/3/series", admin, "{\"rrule\":\"FREQ=WEEKLY;BYDAY=MO,TH;COUNT=8\","
                + "\"start\":\"2026-01-05T18:00:00\",\"timeZone\":\"Europe/Berlin\",\"durationMinutes\":45}").ok();
        node.services().recurrences().topUp();
        call("DELETE", "/meetings/3/series/1/occurrences/2026-01-08T17:00:00Z", admin, null).ok();
        call("PUT", "/meetings/3/series/1/occurrences/2026-01-12T17:00:00Z", admin,
                windowJson(Instant.parse("2026-01-12T18:00:00Z"), Instant.parse("2026-01-12T19:00:00Z"))).ok();
        call("POST", "/meetings/3/series/1/split", admin, "{\"from\":\"2026-01-19T17:00:00Z\","
                + "\"rrule\":\"FREQ=WEEKLY;BYDAY=TU;COUNT=3\",\"start\":\"2026-01-20T09:30:00\","
                + "\"timeZone\":\"America/New_York\",\"durationMinutes\":30}").ok();
        node.services().recurrences().topUp();

        at(start.plus(Duration.ofMinutes(21)));
        join(ann, 5, 1);
        post(ann, 5, 1, "In the private review early", null);
        at(start.plus(Duration.ofMinutes(31)));
        join(ann, 1, 1);
        join(bob, 1, 2);
        post(ann, 1, 1, "Hello, everyone!", "first-hello");
        post(ann, 1, 1, "Hello, everyone!", "first-hello");
        post(bob, 1, 2, "Hi Ann \u2014 caf\u00e9 \uD83D\uDE00", null);
        at(start.plus(Duration.ofMinutes(40)));
        call("DELETE", "/instances/1/participants/1", ann, null).ok();
        at(start.plus(Duration.ofMinutes(45)));
        join(ann, 1, 1);
        call("POST", "/instances/5/end", admin, null).ok();
        at(start.plus(Duration.ofMinutes(91)));
        tick();

        at(NOW.minus(Duration.ofMinutes(9)));
        join(ann, 2, 1);
        join(cy, 2, 3);
        join(bob, 2, 2);
        post(cy, 2, 3, "=HYPERLINK(\"http://example.com\")", null);
        at(NOW.minus(Duration.ofMinutes(8)));
        call("DELETE", "/users/3", admin, null).ok();
        at(NOW.minus(Duration.ofMinutes(4)));
        join(ann, 4, 1);
        join(dee, 4, 4);
        post(dee, 4, 4, "Private words", "dee-1");
        at(NOW.minus(Duration.ofMinutes(1)));
        call("POST", "/instances/2/participants/1/heartbeat", ann, null).ok();
        at(NOW);
        tick();

        var webhooks = store.deliveries();
        webhooks.sweepOutboxes();
        webhooks.drainOutboxes(clock.instant(), Duration.ofDays(30));
        var taken = webhooks.take("fixture", 2, clock.instant(), Duration.ofMinutes(5));
        for (var work : taken) {
            webhooks.begin(work, clock.instant()).ifPresent(attempt -> webhooks.record(work, attempt.deliveryId(),
                    new DeliveryQueue.Outcome(DeliveryQueue.Outcome.Result.RETRY, 0, 12,
                            "connection refused", Optional.of(clock.instant().plusSeconds(30))), clock.instant()));
        }
        call("POST", "/webhooks/1/deliveries/1/replay", admin, null).ok();
        return new Tokens(tokens);
    }

    private void at(Instant when) {
        clock.set(when);
        tick();
    }

    private void window(String admin, long meeting, Instant from, Instant to) {
        call("POST", "/meetings/" + meeting + "/instances", admin, windowJson(from, to)).ok();
    }

    private static String windowJson(Instant from, Instant to) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}";
    }

    private void join(String token, long instance, long user) {
        call("POST", "/instances/" + instance + "/participants", token, "{\"userId\":" + user + "}").ok();
    }

    private void post(String token, long instance, long user, String text, String key) {
        String body = "{\"userId\":" + user + ",\"text\":" + JSON.valueToTree(text) + "}";
        if (key == null) call("POST", "/instances/" + instance + "/messages", token, body).ok();
        else call("POST", "/instances/" + instance + "/messages", token, body, "Idempotency-Key", key).ok();
    }

    /** A read the upgrade test makes again: who asks, how, and what they were answered. */
    record Read(String name, String token, String path, String accept, String lastEventId, int events) {
        static Read get(String token, String path) {
            return new Read(token + " GET " + path, token, path, null, null, 0);
        }

        static Read as(String token, String path, String accept) {
            return new Read(token + " GET " + path + " as " + accept, token, path, accept, null, 0);
        }

        static Read stream(String token, String path, String lastEventId) {
            return new Read(token + " STREAM " + path + " from " + lastEventId, token, path, "text/event-stream",
                    lastEventId, -1);
        }

        /** The same read, told how many events to wait for (a stream has no end to read to). */
        Read expecting(int count) {
            return new Read(name, token, path, accept, lastEventId, count);
        }
    }

    /** Every read that shows a kind of record back, as the world's people and its administrator make them. */
    static List<Read> reads() {
        List<Read> reads = new ArrayList<>();
        reads.add(Read.get("admin", "/users?limit=100"));
        reads.add(Read.get("admin", "/me"));
        reads.add(Read.get("ann", "/me"));
        for (int user = 1; user <= 4; user++) {
            reads.add(Read.get("admin", "/users/" + user));
            reads.add(Read.get("admin", "/users/" + user + "/events"));
            reads.add(Read.get("admin", "/users/" + user + "/attendance"));
        }
        reads.add(Read.get("ann", "/users/1/attendance"));
        reads.add(Read.get("admin", "/meetings?limit=100"));
        reads.add(Read.get("bob", "/meetings?limit=100"));
        for (int meeting = 1; meeting <= 6; meeting++) {
            reads.add(Read.get("admin", "/meetings/" + meeting));
            reads.add(Read.get("admin", "/meetings/" + meeting + "/instances"));
            reads.add(Read.get("admin", "/meetings/" + meeting + "/series"));
        }
        reads.add(Read.get("bob", "/meetings/2"));
        reads.add(Read.get("dee", "/users/4"));
        reads.add(Read.get("dee", "/users/1"));
        reads.add(Read.get("admin", "/meetings/3/series/1"));
        reads.add(Read.get("admin", "/meetings/3/series/2"));
        reads.add(Read.get("ann", "/meetings/3/calendar.ics"));
        reads.add(Read.get("ann", "/meetings/1/calendar.ics"));
        reads.add(Read.get(null, "/calendar/{annFeed}.ics"));
        for (int instance = 1; instance <= 19; instance++) {
            String i = "/instances/" + instance;
            reads.add(Read.get("admin", i));
            reads.add(Read.get("admin", i + "/participants"));
            reads.add(Read.get("admin", i + "/messages?limit=100"));
            reads.add(Read.get("admin", i + "/messages?before=3&limit=1"));
            reads.add(Read.get("admin", i + "/messages?userId=1&limit=100"));
            reads.add(Read.get("admin", i + "/events?limit=100"));
            reads.add(Read.get("admin", i + "/events?before=3&limit=2"));
            reads.add(Read.get("admin", i + "/attendance"));
            reads.add(Read.as("admin", i + "/attendance", "text/csv"));
        }
        reads.add(Read.get("bob", "/instances/4/messages?limit=100"));
        reads.add(Read.get("dee", "/instances/4/participants"));
        reads.add(Read.get("admin", "/active-instances"));
        reads.add(Read.get("admin", "/join-times"));
        reads.add(Read.get("bob", "/join-times"));
        reads.add(Read.get("admin", "/webhooks"));
        reads.add(Read.get("admin", "/webhooks/1"));
        reads.add(Read.get("admin", "/webhooks/2"));
        reads.add(Read.get("admin", "/webhooks/1/deliveries?limit=100"));
        reads.add(Read.get("admin", "/webhooks/2/deliveries?limit=100"));
        reads.add(Read.stream("admin", "/stream?scope=lifecycle", "0"));
        reads.add(Read.stream("admin", "/instances/1/stream", "0"));
        reads.add(Read.stream("admin", "/instances/2/stream", "0"));
        reads.add(Read.stream("ann", "/instances/4/stream", "0"));
        reads.add(Read.stream("dee", "/instances/5/stream", "0"));
        return reads;
    }

    /** Makes one read; a stream's answer is its events' lines, joined (see {@link #streamHead}). */
    Answer read(Read read, Tokens tokens) {
        String token = read.token() == null ? null : tokens.of(read.token());
        String path = read.path().replace("{annFeed}", tokens.of("annFeed"));
        if (read.events() != 0) {
            return new Answer(200, String.join("\n", streamHead(path, token, read.lastEventId(),
                    Math.max(0, read.events()))));
        }
        return read.accept() == null ? call("GET", path, token, null) : call("GET", path, token, null, "Accept", read.accept());
    }

    @Override
    public void close() {
        server.close();
    }
}
