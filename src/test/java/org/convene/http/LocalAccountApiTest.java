package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.convene.model.Actor;
import org.convene.model.GlobalRole;
import org.convene.model.MeetingDetails;
import org.convene.model.UserDetails;
import org.convene.testing.ApiServer;
import org.convene.testing.TestServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Local accounts where no identity provider is configured: invited by link, a password set there, signing in with
 * e-mail and password into a session, a password set again through an administrator's link; links work once.
 */
class LocalAccountApiTest extends ApiServerTest {
    private static final String PASSWORD = "correct horse battery";

    @BeforeEach
    void reset() {
        api.reset();
    }

    private static String secretOf(ApiServer.Response made, String prefix) {
        String link = made.json().get("link").asText();
        assertThat(link).startsWith(prefix);
        return link.substring(prefix.length());
    }

    private static String invite(String email) {
        ApiServer.Response made = api.call("POST", "/invitations", ApiServer.ADMIN, "{\"email\":\"" + email + "\",\"name\":\"Kim\"}");
        assertThat(made.status()).as(made.raw().body()).isEqualTo(201);
        return secretOf(made, "/#/invite/");
    }

    private static ApiServer.Response accept(String secret, String password) {
        return api.call("POST", "/auth/invitations/accept", null,
                "{\"invitation\":\"" + secret + "\",\"password\":\"" + password + "\"}");
    }

    private static String sessionOf(ApiServer.Response answer) {
        return answer.raw().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("convene_session="))
                .map(c -> c.substring("convene_session=".length(), c.indexOf(';'))).findFirst().orElse(null);
    }

    private static ApiServer.Response me(String session) {
        return api.call("GET", "/me", null, null, "Cookie", "convene_session=" + session);
    }

    private static ApiServer.Response signIn(String email, String password) {
        return api.call("POST", "/auth/password", null, "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    @Test
    void anInvitationSaysForWhomItIs() {
        String secret = invite("kim@example.org");

        ApiServer.Response look = api.call("POST", "/auth/invitations/look", null, "{\"invitation\":\"" + secret + "\"}");

        assertThat(look.json().get("email").asText()).isEqualTo("kim@example.org");
        assertThat(look.json().get("name").asText()).isEqualTo("Kim");
    }

    @Test
    void acceptingAnInvitationMakesTheUserAndSignsThemIn() {
        ApiServer.Response accepted = accept(invite("kim@example.org"), PASSWORD);

        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(200);
        String session = sessionOf(accepted);
        assertThat(me(session).json().at("/user/email").asText()).isEqualTo("kim@example.org");
        assertThat(me(session).json().at("/user/role").asText()).isEqualTo("member");
        assertThat(me(session).json().at("/user").has("age")).as("nobody gave an age").isFalse();
    }

    @Test
    void anInvitationWorksOnce() {
        String secret = invite("kim@example.org");
        accept(secret, PASSWORD);

        ApiServer.Response again = accept(secret, "another password here");

        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("type").asText()).endsWith("invalid-invitation");
    }

    @Test
    void anExpiredInvitationDoesNotOpen() {
        String secret = invite("kim@example.org");
        api.clock.advance(Duration.ofDays(7).plusSeconds(1));

        assertThat(accept(secret, PASSWORD).status()).isEqualTo(404);
    }

    @Test
    void aPasswordTooShortIsRefusedAndTheInvitationStillOpens() {
        String secret = invite("kim@example.org");

        ApiServer.Response shortOne = accept(secret, "short");

        assertThat(shortOne.status()).isEqualTo(400);
        assertThat(shortOne.json().get("detail").asText()).contains("password");
        assertThat(accept(secret, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anEmailSomeoneHasCannotBeInvited() {
        ApiServer.Response made = api.call("POST", "/invitations", ApiServer.ADMIN, "{\"email\":\"john.doe@example.com\"}");

        assertThat(made.status()).isEqualTo(409);
    }

    @Test
    void theRightPasswordSignsInAndAWrongOneIsRefusedInTheSameWordsAsAnUnknownEmail() {
        accept(invite("kim@example.org"), PASSWORD);

        ApiServer.Response right = signIn("Kim@Example.org", PASSWORD);
        ApiServer.Response wrong = signIn("kim@example.org", "not the password");
        ApiServer.Response unknown = signIn("nobody@example.org", PASSWORD);

        assertThat(right.status()).isEqualTo(200);
        assertThat(me(sessionOf(right)).status()).isEqualTo(200);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail").asText()).isEqualTo(unknown.json().get("detail").asText());
    }

    @Test
    void aPasswordLinkSetsANewPasswordOnceAndEndsTheOldSessions() {
        String old = sessionOf(accept(invite("kim@example.org"), PASSWORD));
        long kim = me(old).json().at("/user/id").asLong();
        ApiServer.Response made = api.call("POST", "/users/" + kim + "/password-link", ApiServer.ADMIN, null);
        String secret = secretOf(made, "/#/password/");

        ApiServer.Response set = api.call("POST", "/auth/password-link", null,
                "{\"link\":\"" + secret + "\",\"password\":\"a brand new passphrase\"}");

        assertThat(set.status()).isEqualTo(200);
        assertThat(me(sessionOf(set)).status()).isEqualTo(200);
        assertThat(signIn("kim@example.org", PASSWORD).status()).isEqualTo(401);
        assertThat(signIn("kim@example.org", "a brand new passphrase").status()).isEqualTo(200);
        api.clock.advance(Duration.ofSeconds(6));
        assertThat(me(old).status()).isEqualTo(401);
        assertThat(api.call("POST", "/auth/password-link", null,
                "{\"link\":\"" + secret + "\",\"password\":\"yet another passphrase\"}").status()).isEqualTo(404);
    }

    /** Olga, an organizer, owning a private meeting for {@code address}: her token and the meeting. */
    private record Owner(String token, long meeting) {}

    private Owner olgaOwningAMeetingFor(String address) {
        long olga = api.convene.createUser(new UserDetails("Olga", 40, "", "olga@example.com")).id();
        api.convene.roles().change(olga, GlobalRole.ORGANIZER, Actor.ROOT, "t");
        long meeting = api.convene.createMeeting(new MeetingDetails("Olga's", "", false, List.of(address))).id();
        api.convene.roles().handOver(meeting, olga, Actor.ROOT, "t");
        return new Owner(api.services.tokens().issue(olga), meeting);
    }

    @Test
    void aMeetingsOwnerInvitesOnlyPeopleItIsOpenTo() {
        Owner olga = olgaOwningAMeetingFor("lee@example.org");
        String token = olga.token();
        long meeting = olga.meeting();

        ApiServer.Response lee = api.call("POST", "/invitations", token, "{\"email\":\"lee@example.org\",\"meetingId\":" + meeting + "}");
        ApiServer.Response stranger = api.call("POST", "/invitations", token,
                "{\"email\":\"stranger@example.org\",\"meetingId\":" + meeting + "}");
        ApiServer.Response anywhere = api.call("POST", "/invitations", token, "{\"email\":\"lee2@example.org\"}");

        assertThat(lee.status()).isEqualTo(201);
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(anywhere.status()).isEqualTo(403);
    }

    @Test
    void aSignInFormPostedFromAnotherSiteIsRefused() {
        accept(invite("kim@example.org"), PASSWORD);
        String body = "{\"email\":\"kim@example.org\",\"password\":\"" + PASSWORD + "\"}";

        ApiServer.Response plainForm = api.send("POST", "/auth/password", null, body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "text/plain");
        ApiServer.Response otherSite = api.call("POST", "/auth/password", null, body, "Origin", "https://evil.example");

        assertThat(plainForm.status()).isEqualTo(415);
        assertThat(otherSite.status()).isEqualTo(403);
        assertThat(otherSite.raw().headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("convene_session="));
    }

    @Test
    void anOwnerMayNotInviteAnAddressThatOpensMeetingsTheyDoNotRun() {
        Owner olga = olgaOwningAMeetingFor("ceo@example.org");
        String token = olga.token();
        long mine = olga.meeting();
        api.convene.createMeeting(new MeetingDetails("The board", "", false, List.of("ceo@example.org")));

        ApiServer.Response ceo = api.call("POST", "/invitations", token, "{\"email\":\"ceo@example.org\",\"meetingId\":" + mine + "}");

        assertThat(ceo.status()).isEqualTo(403);
        assertThat(ceo.json().get("detail").asText()).contains("meetings you do not run");
    }

    @Test
    void onlyRootMakesAPasswordLinkForAnAdministrator() {
        long ada = api.convene.createUser(new UserDetails("Ada", 42, "", "ada@example.com")).id();
        long bea = api.convene.createUser(new UserDetails("Bea", 43, "", "bea@example.com")).id();
        api.convene.roles().change(ada, GlobalRole.ADMIN, Actor.ROOT, "t");
        api.convene.roles().change(bea, GlobalRole.ADMIN, Actor.ROOT, "t");

        ApiServer.Response byAda = api.call("POST", "/users/" + bea + "/password-link", api.services.tokens().issue(ada), null);
        ApiServer.Response byRoot = api.call("POST", "/users/" + bea + "/password-link", ApiServer.ADMIN, null);

        assertThat(byAda.status()).isEqualTo(403);
        assertThat(byRoot.status()).isEqualTo(201);
    }

    @Test
    void whereAMailServerIsSetTheInvitationGoesByMailAndIsNotShown() throws Exception {
        try (org.convene.mail.FakeSmtpServer mail = new org.convene.mail.FakeSmtpServer();
             ApiServer mailing = new ApiServer(TestServers.settings(Optional.of(ApiServer.ADMIN), 60, List.of()), java.util.Map.of(
                     "CONVENE_SMTP_HOST", "127.0.0.1", "CONVENE_SMTP_PORT", Integer.toString(mail.port()),
                     "CONVENE_SMTP_SECURITY", "none", "CONVENE_SMTP_FROM", "convene@example.org",
                     "CONVENE_PUBLIC_URL", "https://convene.example.org"))) {
            ApiServer.Response made = mailing.call("POST", "/invitations", ApiServer.ADMIN, "{\"email\":\"kim@example.org\"}");

            assertThat(made.status()).isEqualTo(201);
            assertThat(made.json().get("sent").asBoolean()).isTrue();
            assertThat(made.json().has("link")).as("the link went to Kim alone").isFalse();
            String text = mail.received().get(0).data();
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("https://convene\\.example\\.org/#/invite/(inv_[A-Za-z0-9_-]+)")
                    .matcher(text);
            assertThat(link.find()).as(text).isTrue();
            assertThat(mailing.call("POST", "/auth/invitations/accept", null, "{\"invitation\":\"" + link.group(1)
                    + "\",\"name\":\"Kim\",\"password\":\"" + PASSWORD + "\"}").status()).isEqualTo(200);
        }
    }

    @Test
    void wrongPasswordsFromOneAddressAreLimited() {
        var settings = TestServers.settings(Optional.of(ApiServer.ADMIN), 60, List.of());
        settings = settings.with(new ServerSettings.Limits(settings.limits().maxBodyBytes(), 60, 3));
        try (ApiServer limited = new ApiServer(settings)) {
            for (int i = 0; i < 3; i++) {
                assertThat(limited.call("POST", "/auth/password", null,
                        "{\"email\":\"john.doe@example.com\",\"password\":\"guess number " + i + "\"}").status()).isEqualTo(401);
            }

            ApiServer.Response fourth = limited.call("POST", "/auth/password", null,
                    "{\"email\":\"john.doe@example.com\",\"password\":\"guess number 4\"}");

            assertThat(fourth.status()).isEqualTo(429);
            assertThat(fourth.header("Retry-After")).isNotNull();
        }
    }
}
