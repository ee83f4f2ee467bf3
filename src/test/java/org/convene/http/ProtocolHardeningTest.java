package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.convene.testing.ApiServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What HTTP, Javalin and Jetty allow by themselves that Convene must not. */
class ProtocolHardeningTest extends ApiServerTest {
    @BeforeEach
    void seedWorld() {
        api.reset();
    }

    @Test
    void aMethodOverrideHeaderDoesNotTurnAGetIntoADelete() {
        var answer = api.call("GET", "/users/2", ApiServer.ADMIN, null, "X-HTTP-Method-Override", "DELETE");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("name").asText()).isEqualTo("Jane Smith");
        assertThat(api.call("GET", "/users/2", ApiServer.ADMIN, null).status()).isEqualTo(200);
    }

    @Test
    void aHeadIsRefusedWhereItsGetWouldBe() {
        assertThat(api.call("HEAD", "/users", null, null).status()).isEqualTo(401);
        assertThat(api.call("HEAD", "/users", api.john, null).status()).isEqualTo(403);
        assertThat(api.call("HEAD", "/users/99", ApiServer.ADMIN, null).status()).isEqualTo(404);
    }

    @Test
    void aHeadIsAnsweredAsItsGetWithoutTheBody() {
        var head = api.call("HEAD", "/users/1", api.john, null);
        var get = api.call("GET", "/users/1", api.john, null);

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("ETag")).isEqualTo(get.header("ETag"));
        assertThat(head.contentType()).startsWith("application/json");
        assertThat(head.raw().body()).isEmpty();
    }

    @Test
    void aHeadOnAStreamOpensNoStream() {
        var head = api.call("HEAD", "/stream", api.john, null, "Accept", "text/event-stream");

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.contentType()).startsWith("text/event-stream");
        assertThat(api.server.streamSubscribers()).isZero();
    }
}
