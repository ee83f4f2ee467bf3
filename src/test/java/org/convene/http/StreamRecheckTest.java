package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.convene.model.Actor;
import org.convene.model.GlobalRole;
import org.convene.model.UserDetails;
import org.convene.testing.ApiServer;
import org.convene.testing.SseListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Open streams are rechecked: once a stream's token is rotated, its user deleted or suspended, or its user taken
 * out of a private meeting's audience, it stops carrying what it may no longer see, within the
 * token-cache window (5 s). John (1) is in private meeting 2's audience; instance 2 is active.
 */
class StreamRecheckTest extends ApiServerTest {
    static final int WINDOW_SECONDS = 5;

    @BeforeEach
    void seedWorld() {
        api.reset();
    }

    SseListener open(String path, String token) throws Exception {
        SseListener listener = new SseListener(api.server.url() + path, token, null);
        assertThat(listener.subscribed.await(10, TimeUnit.SECONDS)).isTrue();
        return listener;
    }

    void removeJohnFromTheReview() {
        assertThat(api.call("PUT", "/meetings/2", ApiServer.ADMIN,
                "{\"title\":\"Project Review\",\"isPublic\":false,\"audience\":[\"jane.smith@example.com\"]}").status())
                .isEqualTo(200);
    }

    @Test
    void anInstanceStreamEndsOnceItsUserIsRemovedFromTheAudience() throws Exception {
        SseListener john = open("/instances/2/stream", api.john);

        removeJohnFromTheReview();

        assertThat(john.ended.await(WINDOW_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aStreamEndsOnceItsTokenIsRotated() throws Exception {
        SseListener jane = open("/stream", api.jane);

        assertThat(api.call("POST", "/users/2/token", ApiServer.ADMIN, null).status()).isEqualTo(200);

        assertThat(jane.ended.await(WINDOW_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aStreamEndsOnceItsUserIsDeleted() throws Exception {
        SseListener jane = open("/instances/1/stream", api.jane);

        assertThat(api.call("DELETE", "/users/2", ApiServer.ADMIN, null).status()).isEqualTo(204);

        assertThat(jane.ended.await(WINDOW_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aStreamEndsOnceItsUserIsSuspended() throws Exception {
        SseListener jane = open("/instances/1/stream", api.jane);

        assertThat(api.call("PATCH", "/users/2", ApiServer.ADMIN, "{\"suspended\":true}").status()).isEqualTo(200);

        assertThat(jane.ended.await(WINDOW_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anAdministratorsStreamOfAPrivateMeetingEndsOnceTheirRoleIsTakenAway() throws Exception {
        long ada = api.convene.createUser(new UserDetails("Ada", 42, "", "ada@example.com")).id();
        api.convene.roles().change(ada, GlobalRole.ADMIN, Actor.ROOT, "test");
        SseListener stream = open("/instances/2/stream", api.services.tokens().issue(ada));

        assertThat(api.call("PATCH", "/users/" + ada, ApiServer.ADMIN, "{\"role\":\"member\"}").status()).isEqualTo(200);

        assertThat(stream.ended.await(WINDOW_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aCoHostsStreamOfAPrivateMeetingEndsOnceTheyAreRevoked() throws Exception {
        long cora = api.convene.createUser(new UserDetails("Cora", 42, "", "cora@example.com")).id();
        api.convene.hosting().appoint(2, cora, Actor.ROOT, "test");
        SseListener stream = open("/instances/2/stream", api.services.tokens().issue(cora));

        assertThat(api.call("DELETE", "/meetings/2/cohosts/" + cora, ApiServer.ADMIN, null).status()).isEqualTo(200);

        assertThat(stream.ended.await(WINDOW_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anOpenStreamIsToldOfADeletedMessageAndWhoDeletedIt() throws Exception {
        SseListener john = open("/instances/2/stream", api.john);
        assertThat(api.call("POST", "/instances/2/participants", api.john, "{\"userId\":1}").status()).isEqualTo(201);
        long n = api.call("POST", "/instances/2/messages", api.john, "{\"userId\":1,\"text\":\"oops\"}").json()
                .path("id").asLong();

        assertThat(api.call("DELETE", "/instances/2/messages/" + n, api.john, null).status()).isEqualTo(204);

        assertThat(john.awaitText("\"type\":\"message_deleted\"", 10)).isTrue();
        assertThat(john.sawText("\"actor\":\"user:1\"")).isTrue();
        john.drop();
    }

    @Test
    void aStreamOfAnotherUserGoesOn() throws Exception {
        SseListener john = open("/instances/1/stream", api.john);

        assertThat(api.call("POST", "/users/2/token", ApiServer.ADMIN, null).status()).isEqualTo(200);
        assertThat(api.call("POST", "/instances/1/participants", api.john, "{\"userId\":1}").status()).isEqualTo(201);

        assertThat(john.await(2, 10)).isTrue();
        assertThat(john.ended.getCount()).isEqualTo(1);
        john.drop();
    }

    @Test
    void theStreamOfEverythingStopsCarryingAnInstanceItsCallerWasRemovedFrom() throws Exception {
        assertThat(api.call("POST", "/instances/1/participants", api.john, "{\"userId\":1}").status()).isEqualTo(201);
        SseListener john = open("/stream", api.john);

        removeJohnFromTheReview();
        assertThat(api.call("POST", "/instances/2/participants", api.jane, "{\"userId\":2}").status()).isEqualTo(201);
        // Once the recheck has run, Jane's message in instance 2 must not reach him; instance 1 still does.
        api.server.recheckStreams();
        assertThat(api.call("POST", "/instances/2/messages", api.jane, "{\"userId\":2,\"text\":\"private now\"}").status())
                .isEqualTo(201);
        assertThat(api.call("POST", "/instances/1/messages", api.john, "{\"userId\":1,\"text\":\"sentinel\"}").status())
                .isEqualTo(201);

        assertThat(john.awaitText("sentinel", 10)).isTrue();
        assertThat(john.sawText("private now")).isFalse();
        john.drop();
    }
}
