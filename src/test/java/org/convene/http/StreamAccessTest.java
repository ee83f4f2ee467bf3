package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.convene.testing.ApiServer;
import org.convene.testing.SseListener;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every stream, by every way of naming an instance (path, {@code Last-Event-ID} header, {@code lastEventId}
 * query, position vector), for every kind of caller: a private meeting's chat reaches its audience
 * and the administrator, never anyone else. John (1) posts "secret" into private instance 2 before
 * each connection; after it, he posts a sentinel into public instance 1, which everyone may see, so
 * that the absence of the secret is read after everything sent before the sentinel has arrived.
 */
class StreamAccessTest extends ApiServerTest {

    enum Who { ADMIN, MEMBER, NON_MEMBER }

    /** How a stream names instance 2 and where it resumes: {@code header} and {@code query} are Last-Event-ID values. */
    record Form(String name, String path, String header, String query) {}

    static final List<Form> FORMS = List.of(
            new Form("/stream from the start", "/stream", null, null),
            new Form("/stream with a vector naming 2 in the header", "/stream", "l=0;2=0", null),
            new Form("/stream with a vector naming 2 in the query", "/stream", null, "l=0;2=0"),
            new Form("/instances/2/stream", "/instances/2/stream", null, null),
            new Form("/instances/2/stream resumed in the header", "/instances/2/stream", "0", null),
            new Form("/instances/2/stream resumed in the query", "/instances/2/stream", null, "0"));

    @TestFactory
    Stream<DynamicTest> aPrivateMeetingsChatReachesOnlyWhoMaySeeIt() {
        return FORMS.stream().flatMap(form -> Stream.of(Who.values()).map(who -> DynamicTest.dynamicTest(
                form.name() + " as " + who, () -> check(form, who))));
    }

    private static void check(Form form, Who who) throws Exception {
        api.reset();
        call("POST", "/instances/2/participants", api.john, "{\"userId\":1}");
        call("POST", "/instances/2/messages", api.john, "{\"userId\":1,\"text\":\"secret\"}");
        call("POST", "/instances/1/participants", api.john, "{\"userId\":1}");
        String token = switch (who) {
            case ADMIN -> ApiServer.ADMIN;
            case MEMBER -> api.john;
            case NON_MEMBER -> api.jane;
        };
        String url = api.server.url() + form.path() + (form.query() == null ? "" : "?lastEventId=" + form.query());
        SseListener listener = new SseListener(url, token, form.header());
        try {
            boolean instanceStream = form.path().startsWith("/instances/");
            if (instanceStream && who == Who.NON_MEMBER) {
                assertThat(listener.status()).isEqualTo(403);
                return;
            }
            assertThat(listener.status()).isEqualTo(200);
            if (instanceStream) {
                assertThat(listener.awaitText("secret", 10)).isTrue();
                return;
            }
            call("POST", "/instances/1/messages", api.john, "{\"userId\":1,\"text\":\"sentinel\"}");
            assertThat(listener.awaitText("sentinel", 10)).as("the sentinel arrives").isTrue();
            assertThat(listener.sawText("secret")).as("the private chat").isEqualTo(who != Who.NON_MEMBER);
        } finally {
            listener.drop();
        }
    }

    private static void call(String method, String path, String token, String body) {
        assertThat(api.call(method, path, token, body).status()).isEqualTo(201);
    }
}
