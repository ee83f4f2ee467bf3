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
}
