package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.convene.testing.ApiServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A person is made with a name and an e-mail, as Zoom, Greenlight and Teams ask; the seed's age and gender stay in
 * the API as optional fields: given, they are kept and shown; not given, the age is absent (not a made-up 0).
 */
class PersonDetailsApiTest extends ApiServerTest {
    @BeforeEach
    void fresh() {
        api.reset();
    }

    @Test
    void aPersonIsMadeWithANameAndAnEmailAlone() {
        var made = api.call("POST", "/users", ApiServer.ADMIN, "{\"name\":\"Nia\",\"email\":\"nia@example.com\"}");

        assertThat(made.status()).isEqualTo(201);
        var read = api.call("GET", "/users/" + made.json().path("user").path("id").asLong(), ApiServer.ADMIN, null).json();
        assertThat(read.has("age")).isFalse();
        assertThat(read.path("gender").asText()).isEmpty();
        assertThat(read.path("name").asText()).isEqualTo("Nia");
    }

    @Test
    void anAgeGivenLaterIsKeptAndAReplacementWithoutOneRemovesIt() {
        long id = api.call("POST", "/users", ApiServer.ADMIN, "{\"name\":\"Nia\",\"email\":\"nia@example.com\"}")
                .json().path("user").path("id").asLong();

        var aged = api.call("PATCH", "/users/" + id, ApiServer.ADMIN, "{\"age\":44,\"gender\":\"Female\"}").json();
        assertThat(aged.path("age").asInt()).isEqualTo(44);
        assertThat(aged.path("gender").asText()).isEqualTo("Female");

        var replaced = api.call("PUT", "/users/" + id, ApiServer.ADMIN, "{\"name\":\"Nia\",\"email\":\"nia@example.com\"}").json();
        assertThat(replaced.has("age")).isFalse();
        assertThat(replaced.path("gender").asText()).isEmpty();
    }

    @Test
    void theSeedsPeopleKeepTheAgesTheyWereGiven() {
        var john = api.call("GET", "/users/1", ApiServer.ADMIN, null).json();

        assertThat(john.path("age").asInt()).isEqualTo(25);
        assertThat(john.path("gender").asText()).isEqualTo("Male");
    }

    @Test
    void anAgeOutOfRangeIsRefusedNamingTheAgeAndMakesNobody() {
        var refused = api.call("POST", "/users", ApiServer.ADMIN, "{\"name\":\"Nia\",\"age\":151,\"email\":\"nia@example.com\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("age");
        assertThat(api.call("GET", "/users?limit=100", ApiServer.ADMIN, null).json().findValuesAsText("email"))
                .doesNotContain("nia@example.com");
    }
}
