package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.convene.testing.ApiServer;
import org.convene.testing.SseListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Live streams: events in order, an exact resume after a dropped connection, many subscribers at once. */
class StreamTest extends ApiServerTest {

    @BeforeEach
    void seedWorld() {
        api.reset();
    }

    /** A listener on this test's server. */
    static final class Listener extends SseListener {
        Listener(String path, String token, String lastEventId) {
            super(api.server.url() + path, token, lastEventId);
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
        assertThat(listener.events()).containsExactly("activated", "join_meeting", "chat", "chat", "leave_meeting");
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
            assertThat(listener.events()).containsExactly("activated", "join_meeting", "chat");
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
                "join_meeting", "chat", "timeout", "ended");
        assertThat(String.join("\n", jane.lines)).contains("\"public\"").doesNotContain("\"private\"");
        jane.drop();
    }

    @Test
    void theLifecycleScopeCarriesEveryInstancesLifecycleAndNoActivity() throws Exception {
        Listener jane = new Listener("/stream?scope=lifecycle", api.jane, null);
        assertThat(jane.subscribed.await(10, TimeUnit.SECONDS)).isTrue();

        join(1, 1, api.john);
        post(1, 1, api.john, "public");
        api.call("POST", "/instances/1/end", ApiServer.ADMIN, null);

        assertThat(jane.await(5, 10)).isTrue();
        assertThat(jane.events()).containsExactly("scheduled", "activated", "scheduled", "activated", "ended");
        assertThat(jane.ids()).allMatch(id -> id.matches("\\d+-\\d+"));
        jane.drop();
    }

    @Test
    void theLifecycleScopeResumesFromAPlainIdOrAVectorsLifecyclePosition() throws Exception {
        Listener first = new Listener("/stream", api.jane, null);
        assertThat(first.await(4, 10)).isTrue();
        String vector = first.ids().get(first.ids().size() - 1);
        first.drop();

        api.call("POST", "/instances/1/end", ApiServer.ADMIN, null);
        Listener fromVector = new Listener("/stream?scope=lifecycle", api.jane, vector);
        Listener fromStart = new Listener("/stream?scope=lifecycle", api.jane, null);

        assertThat(fromVector.await(1, 10)).isTrue();
        assertThat(fromStart.await(5, 10)).isTrue();
        String plain = fromStart.ids().get(3);
        Listener fromPlain = new Listener("/stream?scope=lifecycle", api.jane, plain);
        assertThat(fromPlain.await(1, 10)).isTrue();
        assertThat(fromVector.events()).containsExactly("ended");
        assertThat(fromPlain.events()).containsExactly("ended");
        fromVector.drop();
        fromStart.drop();
        fromPlain.drop();
    }

    @Test
    void anUnknownStreamScopeIs400() {
        var response = api.call("GET", "/stream?scope=chat", api.john, null, "Accept", "text/event-stream");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("detail").asText()).contains("scope");
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
        post(1, 1, api.john, "sentinel");
        assertThat(resumed.awaitText("sentinel", 10)).isTrue();
        assertThat(resumed.events()).containsExactlyInAnyOrder("chat", "join_meeting", "chat", "chat");
        assertThat(String.join("\n", resumed.lines)).contains("missed in 1", "missed in 2");
        resumed.drop();
    }

    @Test
    void aCatchUpOfTheStreamOfEverythingSendsAnInstancesActivationBeforeWhatHappenedInside() {
        join(1, 1, api.john);
        post(1, 1, api.john, "hello");
        Listener late = new Listener("/stream", api.jane, null);

        assertThat(late.awaitText("hello", 10)).isTrue();
        List<String> instance1 = late.eventsWithInstances().stream().filter(e -> e.endsWith(" 1")).toList();
        assertThat(instance1).containsSubsequence("activated 1", "join_meeting 1", "chat 1");
        assertThat(instance1.indexOf("activated 1")).isLessThan(instance1.indexOf("join_meeting 1"));
        late.drop();
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
