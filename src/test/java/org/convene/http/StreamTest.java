package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Live streams: events in order, an exact resume after a dropped connection, many subscribers at once. */
class StreamTest {
    static ApiServer api;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        api = new ApiServer(10_000);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void seedWorld() {
        api.reset();
    }

    /** Lines of one SSE connection, collected as they arrive. */
    static final class Listener {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final CountDownLatch subscribed = new CountDownLatch(1);
        CompletableFuture<HttpResponse<Stream<String>>> response;

        Listener(String path, String token, String lastEventId) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.server.url() + path))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token);
            if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
            response = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
            response.thenAccept(r -> r.body().forEach(line -> {
                lines.add(line);
                if (line.startsWith(": subscribed")) subscribed.countDown();
            }));
        }

        List<String> events() {
            return lines.stream().filter(l -> l.startsWith("event: ")).map(l -> l.substring(7)).toList();
        }

        List<String> ids() {
            return lines.stream().filter(l -> l.startsWith("id: ")).map(l -> l.substring(4).trim()).toList();
        }

        boolean await(int events, long seconds) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (events().size() < events && System.nanoTime() < until) Thread.sleep(20);
            return events().size() >= events;
        }

        void drop() {
            response.cancel(true);
            response.thenAccept(r -> r.body().close());
        }
    }

    void join(long user, long instance, String token) {
        assertThat(api.call("POST", "/instances/" + instance + "/participants", token, "{\"userId\":" + user + "}").status())
                .isEqualTo(201);
    }

    void post(long user, long instance, String token, String text) {
        assertThat(api.call("POST", "/instances/" + instance + "/messages", token,
                "{\"userId\":" + user + ",\"text\":\"" + text + "\"}").status()).isEqualTo(201);
    }

    @Test
    void eventsArriveInTheOrderTheyHappened() throws Exception {
        Listener listener = new Listener("/instances/1/stream", api.jane, null);
        assertThat(listener.subscribed.await(10, TimeUnit.SECONDS)).isTrue();

        join(1, 1, api.john);
        post(1, 1, api.john, "first");
        post(1, 1, api.john, "second");
        api.call("DELETE", "/instances/1/participants/1", api.john, null);

        assertThat(listener.await(5, 10)).isTrue();
        assertThat(listener.events()).containsExactly("activated", "join", "chat", "chat", "leave");
        assertThat(String.join("\n", listener.lines)).containsSubsequence("\"text\":\"first\"", "\"text\":\"second\"");
        listener.drop();
    }

    @Test
    void aClientThatReconnectsWithItsLastEventIdGetsExactlyWhatItMissed() throws Exception {
        join(1, 1, api.john);
        Listener first = new Listener("/instances/1/stream", api.jane, null);
        assertThat(first.await(2, 10)).isTrue();
        first.drop();
        String last = first.ids().get(first.ids().size() - 1);

        for (int i = 1; i <= 5; i++) post(1, 1, api.john, "missed " + i);
        Listener resumed = new Listener("/instances/1/stream", api.jane, last);
        assertThat(resumed.await(5, 10)).isTrue();
        post(1, 1, api.john, "live");

        assertThat(resumed.await(6, 10)).isTrue();
        assertThat(resumed.events()).containsExactly("chat", "chat", "chat", "chat", "chat", "chat");
        assertThat(resumed.ids()).doesNotHaveDuplicates().doesNotContain(first.ids().toArray(String[]::new));
        assertThat(String.join("\n", resumed.lines)).containsSubsequence("missed 1", "missed 5", "live");
        resumed.drop();
    }

    @Test
    void fiveHundredSubscribersAllReceiveAChatMessage() throws Exception {
        join(1, 1, api.john);
        List<Listener> listeners = new ArrayList<>();
        for (int i = 0; i < 500; i++) listeners.add(new Listener("/instances/1/stream", i % 2 == 0 ? api.jane : api.john, null));
        for (Listener listener : listeners) assertThat(listener.subscribed.await(30, TimeUnit.SECONDS)).isTrue();

        post(1, 1, api.john, "to everyone");

        for (Listener listener : listeners) {
            assertThat(listener.await(3, 30)).isTrue();
            assertThat(listener.events()).containsExactly("activated", "join", "chat");
        }
        listeners.forEach(Listener::drop);
    }

    @Test
    void aPrivateInstancesStreamIsForbiddenOutsideItsAudience() {
        var response = api.call("GET", "/instances/2/stream", api.jane, null, "Accept", "text/event-stream");

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void theStreamOfEverythingHasLifecyclesAndTheActivityOfVisibleInstancesOnly() throws Exception {
        Listener jane = new Listener("/stream", api.jane, null);
        assertThat(jane.subscribed.await(10, TimeUnit.SECONDS)).isTrue();

        join(1, 2, api.john);
        post(1, 2, api.john, "private");
        join(1, 1, api.john);
        post(1, 1, api.john, "public");
        api.call("POST", "/instances/1/end", ApiServer.ADMIN, null);

        assertThat(jane.await(8, 10)).isTrue();
        assertThat(jane.events()).containsExactly("scheduled", "activated", "scheduled", "activated",
                "join", "chat", "timeout", "ended");
        assertThat(String.join("\n", jane.lines)).contains("\"public\"").doesNotContain("\"private\"");
        jane.drop();
    }

    @Test
    void theStreamOfEverythingResumesEveryPositionFromItsVector() throws Exception {
        Listener first = new Listener("/stream", api.john, null);
        join(1, 1, api.john);
        assertThat(first.await(5, 10)).isTrue();
        first.drop();
        String vector = first.ids().get(first.ids().size() - 1);
        assertThat(vector).startsWith("l=").contains(";1=", ";2=");

        post(1, 1, api.john, "missed in 1");
        join(1, 2, api.john);
        post(1, 2, api.john, "missed in 2");
        Listener resumed = new Listener("/stream", api.john, vector);

        assertThat(resumed.await(3, 10)).isTrue();
        Thread.sleep(300);
        assertThat(resumed.events()).containsExactlyInAnyOrder("chat", "join", "chat");
        assertThat(String.join("\n", resumed.lines)).contains("missed in 1", "missed in 2");
        resumed.drop();
    }

    @Test
    void aMalformedPositionVectorIs400() {
        var response = api.call("GET", "/stream", api.john, null, "Accept", "text/event-stream",
                "Last-Event-ID", "l=1-0;x=2");

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void aLateSubscriberDoesNotMakeEarlierOnesMissAnything() throws Exception {
        join(1, 1, api.john);
        Listener early = new Listener("/instances/1/stream", api.jane, null);
        assertThat(early.await(2, 10)).isTrue();
        List<Listener> late = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            post(1, 1, api.john, "m" + i);
            late.add(new Listener("/instances/1/stream", api.jane, null));
        }

        assertThat(early.await(22, 10)).isTrue();
        assertThat(early.events()).hasSize(22);
        assertThat(early.ids()).doesNotHaveDuplicates();
        for (Listener listener : late) assertThat(listener.subscribed.await(10, TimeUnit.SECONDS)).isTrue();
        early.drop();
        late.forEach(Listener::drop);
    }
}
