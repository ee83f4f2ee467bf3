package org.convene.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.convene.testing.SseListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's sign-in through the identity provider over HTTP: started on one node, its callback taken on the other,
 * ending in a session cookie that works on both; every way a callback can be wrong, and signing out.
 */
class ProviderLoginTest {
    // A world each: the provider answers token requests from a queue of people, which a refused callback leaves unused.
    private static ProviderWorld world;

    @BeforeEach
    void start() {
        world = new ProviderWorld();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    /** A sign-in started on node {@code i}: the cookie binding it to this browser and the provider's redirect back. */
    private record Started(String loginCookie, String callback) {}

    /** Starts a sign-in on node {@code i} for {@code subject}; the provider (no login page) answers with a code at once. */
    private static Started startSignIn(int i, String subject, Map<String, Object> claims) {
        world.provider.enqueueCallback(new DefaultOAuth2TokenCallback(ProviderWorld.ISSUER_ID, subject, "JWT",
                List.of(ProviderWorld.CLIENT), claims, 3600));
        ProviderWorld.Answer login = ProviderWorld.send("GET", world.node(i) + "/auth/login?returnTo=%23%2Finstances%2F7", null);
        assertThat(login.status()).isEqualTo(302);
        ProviderWorld.Answer authorize = ProviderWorld.send("GET", login.header("Location"), null);
        assertThat(authorize.status()).isEqualTo(302);
        return new Started(login.setsCookie("convene_login"), authorize.header("Location"));
    }

    /** Takes {@code callback} on node {@code i} with the login cookie. */
    private static ProviderWorld.Answer callback(int i, String callback, String loginCookie) {
        URI uri = URI.create(callback);
        String onNode = world.node(i) + uri.getRawPath() + "?" + uri.getRawQuery();
        return loginCookie == null ? ProviderWorld.send("GET", onNode, null)
                : ProviderWorld.send("GET", onNode, null, "Cookie", "convene_login=" + loginCookie);
    }

    private static ProviderWorld.Answer me(int i, String session) {
        return ProviderWorld.send("GET", world.node(i) + "/me", null, "Cookie", "convene_session=" + session);
    }

    private static Map<String, Object> person(String email) {
        return Map.of("email", email, "email_verified", true, "name", "Dana Example");
    }

    private static String signedIn(String subject, String email) {
        Started started = startSignIn(0, subject, person(email));
        return callback(1, started.callback(), started.loginCookie()).setsCookie("convene_session");
    }

    @Test
    void aSignInStartedOnOneNodeFinishesOnTheOtherWithASessionCookie() {
        Started started = startSignIn(0, "dana", person("dana@example.org"));

        ProviderWorld.Answer back = callback(1, started.callback(), started.loginCookie());

        assertThat(back.status()).isEqualTo(302);
        assertThat(back.header("Location")).isEqualTo("/#/instances/7");
        assertThat(back.cookieHeader("convene_session")).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String session = back.setsCookie("convene_session");
        assertThat(session).startsWith("cs_");
        assertThat(me(0, session).json().at("/user/email").asText()).isEqualTo("dana@example.org");
        assertThat(me(1, session).json().at("/user/email").asText()).isEqualTo("dana@example.org");
    }

    @Test
    void theLoginRedirectAsksForACodeWithPkceStateAndNonce() {
        ProviderWorld.Answer login = ProviderWorld.send("GET", world.node(0) + "/auth/login", null);

        assertThat(login.header("Location")).contains("response_type=code", "code_challenge_method=S256",
                "code_challenge=", "state=", "nonce=", "client_id=" + ProviderWorld.CLIENT);
        assertThat(login.cookieHeader("convene_login")).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void aReplayedCallbackFindsItsSignInTakenAndSetsNoSession() {
        Started started = startSignIn(0, "replay-state", person("replay@example.org"));
        callback(1, started.callback(), started.loginCookie());

        ProviderWorld.Answer again = callback(0, started.callback(), started.loginCookie());

        assertThat(again.header("Location")).isEqualTo("/?signInError=again#/");
        assertThat(again.setsCookie("convene_session")).isNull();
    }

    @Test
    void aStateThatWasNeverGivenIsRefused() {
        Started started = startSignIn(0, "wrong-state", person("wrongstate@example.org"));
        String forged = started.callback().replaceAll("state=[^&]+", "state=made-up");

        ProviderWorld.Answer back = callback(1, forged, "made-up");

        assertThat(back.header("Location")).startsWith("/?signInError=");
        assertThat(back.setsCookie("convene_session")).isNull();
    }

    @Test
    void aCallbackInAnotherBrowserThanTheOneThatStartedIsRefused() {
        Started started = startSignIn(0, "other-browser", person("otherbrowser@example.org"));

        ProviderWorld.Answer back = callback(1, started.callback(), null);

        assertThat(back.header("Location")).isEqualTo("/?signInError=again#/");
        assertThat(back.setsCookie("convene_session")).isNull();
    }

    @Test
    void aReplayedCodeWithAnotherSignInsStateSetsNoSession() {
        Started first = startSignIn(0, "code-1", person("code1@example.org"));
        callback(1, first.callback(), first.loginCookie());
        Started second = startSignIn(0, "code-2", person("code2@example.org"));
        String code = URI.create(first.callback()).getRawQuery().replaceAll(".*code=([^&]+).*", "$1");
        String replayed = second.callback().replaceAll("code=[^&]+", "code=" + code);

        ProviderWorld.Answer back = callback(1, replayed, second.loginCookie());

        assertThat(back.header("Location")).startsWith("/?signInError=");
        assertThat(back.setsCookie("convene_session")).isNull();
    }

    @Test
    void aSessionCookieIsRefusedForAChangeFromAnotherOrigin() {
        String session = signedIn("origin-1", "origin1@example.org");

        ProviderWorld.Answer forged = ProviderWorld.send("POST", world.node(0) + "/auth/sign-out", "{}",
                "Cookie", "convene_session=" + session, "Origin", "https://evil.example");

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().get("type").asText()).endsWith("cross-origin");
        assertThat(me(0, session).status()).isEqualTo(200);
    }

    @Test
    void aChangeWithASessionCookieFromConvenesOwnPagesIsTaken() {
        String session = signedIn("origin-2", "origin2@example.org");

        ProviderWorld.Answer out = ProviderWorld.send("POST", world.node(0) + "/auth/sign-out", "{}",
                "Cookie", "convene_session=" + session, "Origin", world.node(0));

        assertThat(out.status()).isEqualTo(200);
        assertThat(me(1, session).status()).isEqualTo(401);
    }

    @Test
    void signingOutEverywhereEndsEverySessionAndTheirOpenStreams() {
        String phone = signedIn("everywhere", "everywhere@example.org");
        String laptop = signedIn("everywhere", "everywhere@example.org");
        SseListener stream = SseListener.withHeaders(world.node(1) + "/stream", "Cookie", "convene_session=" + phone);
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.subscribed.getCount() == 0);

        ProviderWorld.Answer out = ProviderWorld.send("POST", world.node(0) + "/auth/sign-out-everywhere", "{}",
                "Cookie", "convene_session=" + laptop, "Origin", world.node(0));

        assertThat(out.json().get("ended").asLong()).isEqualTo(2);
        assertThat(me(0, phone).status()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.ended.getCount() == 0);
    }

    @Test
    void passwordsAreNotTakenWhereTheProviderSignsPeopleIn() {
        ProviderWorld.Answer password = ProviderWorld.send("POST", world.node(0) + "/auth/password",
                "{\"email\":\"dana@example.org\",\"password\":\"some password\"}");

        assertThat(password.status()).isEqualTo(409);
        assertThat(password.json().get("detail").asText()).contains("identity provider");
    }

    @Test
    void theMethodsSayWhichProviderToSignInWith() {
        ProviderWorld.Answer methods = ProviderWorld.send("GET", world.node(0) + "/auth/methods", null);

        assertThat(methods.json().at("/provider/name").asText()).isEqualTo("Example Corp");
        assertThat(methods.json().at("/provider/login").asText()).isEqualTo("/auth/login");
    }
}
