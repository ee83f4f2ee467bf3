package org.convene.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.convene.model.MeetingDetails;
import org.convene.model.MeetingInstance;
import org.convene.model.TimeWindow;
import org.convene.model.User;
import org.convene.model.UserDetails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who a person of the identity provider is in Convene: their (issuer, subject), never their e-mail; the e-mail opens
 * audiences only when verified and no one else's; the role follows the claim at each sign-in unless set by hand.
 */
class ProviderIdentityTest {
    private ProviderWorld world;
    private long carolsOccurrence;

    @BeforeEach
    void start() {
        world = new ProviderWorld();
        long meeting = world.convene.createMeeting(new MeetingDetails("Carol's review", "", false,
                List.of("carol@example.org"))).id();
        MeetingInstance instance = world.convene.createInstance(meeting,
                new TimeWindow(Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600)));
        carolsOccurrence = instance.id();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private String token(String subject, String email, boolean verified, List<String> groups) {
        return world.accessToken(subject, Map.of("email", email, "email_verified", verified, "groups", groups));
    }

    private int readsCarolsChat(String token) {
        return world.get(0, "/instances/" + carolsOccurrence + "/messages", token).status();
    }

    @Test
    void aVerifiedEmailOpensTheMeetingsItsAudienceNames() {
        assertThat(readsCarolsChat(token("carol", "carol@example.org", true, List.of()))).isEqualTo(200);
    }

    @Test
    void anUnverifiedEmailOpensNoAudience() {
        String token = token("carol", "carol@example.org", false, List.of());

        assertThat(readsCarolsChat(token)).isEqualTo(403);
        assertThat(world.get(0, "/me", token).json().at("/user/email").asText()).endsWith("@signin.invalid");
    }

    @Test
    void theSameEmailUnderAnotherSubjectTakesNothingOver() {
        long carol = world.get(0, "/me", token("carol", "carol@example.org", true, List.of())).json().at("/user/id").asLong();
        String impostor = token("someone-else", "carol@example.org", true, List.of());

        assertThat(world.get(0, "/me", impostor).json().at("/user/id").asLong()).isNotEqualTo(carol);
        assertThat(readsCarolsChat(impostor)).isEqualTo(403);
    }

    @Test
    void aUserMadeEarlierIsNotLinkedByEmailUnlessLinkingIsOn() {
        User made = world.convene.createUser(new UserDetails("Erin", 30, "", "erin@example.org"));

        long signedIn = world.get(0, "/me", token("erin", "erin@example.org", true, List.of())).json().at("/user/id").asLong();

        assertThat(signedIn).isNotEqualTo(made.id());
    }

    @Test
    void withLinkingOnAFirstSignInTakesTheUserMadeEarlierWithThatVerifiedEmail() {
        world.close();
        world = new ProviderWorld(Map.of("CONVENE_OIDC_LINK_BY_EMAIL", "true"));
        User made = world.convene.createUser(new UserDetails("Erin", 30, "", "erin@example.org"));

        long signedIn = world.get(0, "/me", token("erin", "erin@example.org", true, List.of())).json().at("/user/id").asLong();
        long unverified = world.get(0, "/me", token("erin-2", "erin@example.org", false, List.of())).json().at("/user/id").asLong();

        assertThat(signedIn).isEqualTo(made.id());
        assertThat(unverified).isNotEqualTo(made.id());
    }

    @Test
    void theRoleFollowsTheClaimAtEachSignIn() {
        String organizer = token("frank", "frank@example.org", true, List.of("convene-organizers"));
        assertThat(world.get(0, "/me", organizer).json().at("/user/role").asText()).isEqualTo("organizer");

        String member = token("frank", "frank@example.org", true, List.of());

        assertThat(world.get(0, "/me", member).json().at("/user/role").asText()).isEqualTo("member");
    }

    @Test
    void aRoleSetByHandInConveneStaysWhateverTheClaimSays() {
        long frank = world.get(0, "/me", token("frank", "frank@example.org", true, List.of())).json().at("/user/id").asLong();
        ProviderWorld.Answer set = ProviderWorld.send("PATCH", world.node(0) + "/users/" + frank, "{\"role\":\"organizer\"}",
                "Authorization", "Bearer " + ProviderWorld.ADMIN);
        assertThat(set.status()).isEqualTo(200);

        String later = token("frank", "frank@example.org", true, List.of());

        assertThat(world.get(1, "/me", later).json().at("/user/role").asText()).isEqualTo("organizer");
    }

    @Test
    void claimsMakeNoAdministratorUnlessAllowed() {
        String token = token("grace", "grace@example.org", true, List.of("convene-admins"));

        assertThat(world.get(0, "/me", token).json().at("/user/role").asText()).isEqualTo("member");
    }

    @Test
    void whereAllowedAClaimMakesAnAdministrator() {
        world.close();
        world = new ProviderWorld(Map.of("CONVENE_OIDC_ALLOW_ADMIN", "true"));

        String token = token("grace", "grace@example.org", true, List.of("convene-admins"));

        assertThat(world.get(0, "/me", token).json().at("/user/role").asText()).isEqualTo("admin");
    }

    @Test
    void anAccessTokenThatLeavesOutTheEmailAndTheRolesChangesNeither() {
        String full = token("jo", "jo@example.org", true, List.of("convene-organizers"));
        assertThat(world.get(0, "/me", full).json().at("/user/role").asText()).isEqualTo("organizer");

        String bare = world.accessToken("jo", Map.of());

        assertThat(world.get(1, "/me", bare).json().at("/user/email").asText()).isEqualTo("jo@example.org");
        assertThat(world.get(1, "/me", bare).json().at("/user/role").asText()).isEqualTo("organizer");
    }

    @Test
    void anAccessTokenWithAnIdTokensNonceIsRefused() {
        String idTokenLike = world.accessToken("kay", Map.of("nonce", "n-0S6_WzA2Mj"));

        ProviderWorld.Answer me = world.get(0, "/me", idTokenLike);

        assertThat(me.status()).isEqualTo(401);
        assertThat(me.json().get("detail").asText()).contains("ID token");
    }

    @Test
    void aSuspendedPersonsTokensOpenNothing() {
        long henry = world.get(0, "/me", token("henry", "henry@example.org", true, List.of())).json().at("/user/id").asLong();
        ProviderWorld.send("PATCH", world.node(0) + "/users/" + henry, "{\"suspended\":true}",
                "Authorization", "Bearer " + ProviderWorld.ADMIN);

        assertThat(world.get(1, "/me", token("henry", "henry@example.org", true, List.of())).status()).isEqualTo(401);
    }

    @Test
    void whileTheProviderIsDownTokensWithKeysAlreadyKnownStillWork() {
        String before = token("ivy", "ivy@example.org", true, List.of());
        assertThat(world.get(0, "/me", before).status()).isEqualTo(200);
        String later = token("ivy-2", "ivy2@example.org", true, List.of());

        world.provider.shutdown();

        assertThat(world.get(0, "/me", later).status()).isEqualTo(200);
        assertThat(world.get(0, "/me", before).status()).isEqualTo(200);
    }
}
