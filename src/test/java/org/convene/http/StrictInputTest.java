package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.convene.testing.ApiServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Input that was read loosely, each now refused with a 400 naming the field (or a 415 for the body's type), and nothing written. */
class StrictInputTest extends ApiServerTest {

    @BeforeEach
    void seedWorld() {
        api.reset();
    }

    /** Asserts a 400 whose detail names {@code field}. */
    static void assertRefusedNaming(ApiServer.Response answer, String field) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("detail").asText()).contains(field);
    }

    static String user(String name, String age, String email) {
        return "{\"name\":\"" + name + "\",\"age\":" + age + ",\"email\":\"" + email + "\"}";
    }

    int users() {
        return api.call("GET", "/users", ApiServer.ADMIN, null).json().size();
    }

    /** Asserts that creating a user from {@code body} is a 400 naming {@code field}, and makes no user. */
    void assertNoUserFrom(String body, String field) {
        assertRefusedNaming(api.call("POST", "/users", ApiServer.ADMIN, body), field);
        assertThat(users()).isEqualTo(2);
    }

    @Test
    void aKeyGivenTwiceIsRefusedNotReadAsTheLastOne() {
        assertNoUserFrom("{\"name\":\"Ann\",\"age\":30,\"email\":\"ann@example.com\",\"email\":\"root@example.com\"}", "email");
    }

    @Test
    void aFractionWhereAnIntegerBelongsIsRefused() {
        assertNoUserFrom(user("Ann", "30.7", "ann@example.com"), "age");
    }

    @Test
    void aBodyOfAnotherMediaTypeThanJsonIsRefused() {
        var answer = api.send("POST", "/users", ApiServer.ADMIN, user("Ann", "30", "ann@example.com")
                .getBytes(StandardCharsets.UTF_8), "application/jsonfoo");

        assertThat(answer.status()).isEqualTo(415);
        assertThat(users()).isEqualTo(2);
    }

    @Test
    void aJsonBodyMayNameItsCharset() {
        var answer = api.send("POST", "/users", ApiServer.ADMIN, user("Ann", "30", "ann@example.com")
                .getBytes(StandardCharsets.UTF_8), "Application/JSON; charset=UTF-8");

        assertThat(answer.status()).isEqualTo(201);
    }

    @Test
    void aPatchBodyMustBeJsonToo() {
        var answer = api.send("PATCH", "/webhooks/99", ApiServer.ADMIN, "{\"enabled\":true}".getBytes(StandardCharsets.UTF_8),
                "text/plain");

        assertThat(answer.status()).isEqualTo(415);
    }

    @Test
    void anUnpairedSurrogateIsRefusedRatherThanStoredAsAQuestionMark() {
        assertNoUserFrom(user("Ann\\ud800", "30", "ann@example.com"), "name");
    }

    @Test
    void anEmailWithMarkupCharactersIsRefused() {
        assertNoUserFrom(user("Ann", "30", "a<b>\\\"@example.com"), "email");
    }

    @Test
    void anAudienceEmailWithMarkupCharactersIsRefused() {
        assertRefusedNaming(api.call("POST", "/meetings", ApiServer.ADMIN,
                "{\"title\":\"T\",\"isPublic\":false,\"audience\":[\"x'=/y@example.com\"]}"), "audience e-mail");
    }

    @Test
    void aTitleWithADirectionOverrideIsRefused() {
        assertRefusedNaming(api.call("POST", "/meetings", ApiServer.ADMIN, "{\"title\":\"\\u202egnp.exe\",\"isPublic\":true}"),
                "title");
    }

    @Test
    void aNameWithADirectionIsolateIsRefused() {
        assertNoUserFrom(user("\\u2067Ann\\u2069", "30", "ann@example.com"), "name");
    }

    @Test
    void anInstanceStartingPastYear9999IsRefusedNamingTheField() {
        assertRefusedNaming(api.call("POST", "/meetings/1/instances", ApiServer.ADMIN,
                "{\"from\":\"+999999999-12-31T22:00:00Z\",\"to\":\"+999999999-12-31T23:00:00Z\"}"), "from");
    }

    @Test
    void aWebhookReplaySincePastYear9999IsRefusedNamingTheField() {
        long webhook = api.call("POST", "/webhooks", ApiServer.ADMIN, "{\"url\":\"https://93.184.215.14/hook\"}")
                .json().path("endpoint").path("id").asLong();

        assertRefusedNaming(api.call("POST", "/webhooks/" + webhook + "/replay", ApiServer.ADMIN,
                "{\"since\":\"+999999999-12-31T22:00:00Z\"}"), "since");
    }
}
