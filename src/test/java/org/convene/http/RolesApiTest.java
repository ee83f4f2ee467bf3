package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.convene.testing.ApiServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Roles and ownership over HTTP, as the people they are for use them: root makes Jane an organizer; she
 * makes a meeting she owns, schedules it, gives it a series and edits it; John, a member, and Olga, another
 * organizer, may not run it. John (1) and Jane (2) start as members.
 */
class RolesApiTest extends ApiServerTest {
    static final String MEETING = "{\"title\":\"Planning\",\"isPublic\":false,\"audience\":[\"john.doe@example.com\"]}";

    String olga;

    @BeforeEach
    void janeIsAnOrganizerAndOlgaAnother() {
        api.reset();
        assertThat(api.call("PATCH", "/users/2", ApiServer.ADMIN, "{\"role\":\"organizer\"}").status()).isEqualTo(200);
        var made = api.call("POST", "/users", ApiServer.ADMIN, "{\"name\":\"Olga\",\"age\":40,\"email\":\"olga@example.com\"}");
        olga = made.json().path("token").asText();
        api.call("PATCH", "/users/" + made.json().path("user").path("id").asLong(), ApiServer.ADMIN, "{\"role\":\"organizer\"}");
    }

    private long janesMeeting() {
        return api.call("POST", "/meetings", api.jane, MEETING).json().path("id").asLong();
    }

    @Test
    void aUsersRoleShowsOnTheirRecordAndOnMe() {
        assertThat(api.call("GET", "/users/2", ApiServer.ADMIN, null).json().path("role").asText()).isEqualTo("organizer");
        assertThat(api.call("GET", "/me", api.jane, null).json().path("user").path("role").asText()).isEqualTo("organizer");
        assertThat(api.call("GET", "/me", api.john, null).json().path("user").path("role").asText()).isEqualTo("member");
    }

    @Test
    void anOrganizerMakesAMeetingTheyOwnAndSeeItsAudience() {
        var made = api.call("POST", "/meetings", api.jane, MEETING);

        assertThat(made.status()).isEqualTo(201);
        assertThat(made.json().path("ownerId").asLong()).isEqualTo(2);
        var read = api.call("GET", "/meetings/" + made.json().path("id").asLong(), api.jane, null).json();
        assertThat(read.path("audience").get(0).asText()).isEqualTo("john.doe@example.com");
    }

    @Test
    void aMemberCannotMakeAMeeting() {
        var refused = api.call("POST", "/meetings", api.john, MEETING);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("detail").asText()).isEqualTo("Only organizers and administrators may make meetings");
    }

    @Test
    void theOwnerEditsSchedulesAndEndsTheirMeeting() {
        long meeting = janesMeeting();

        assertThat(api.call("PUT", "/meetings/" + meeting, api.jane, MEETING.replace("Planning", "Plans")).status()).isEqualTo(200);
        var instance = api.call("POST", "/meetings/" + meeting + "/instances", api.jane,
                "{\"from\":\"2026-01-05T09:00:00Z\",\"to\":\"2026-01-05T12:00:00Z\"}");
        assertThat(instance.status()).isEqualTo(201);
        assertThat(api.call("POST", "/instances/" + instance.json().path("id").asLong() + "/end", api.jane, null).status())
                .isEqualTo(200);
    }

    @Test
    void theOwnerGivesTheirMeetingASeries() {
        long meeting = janesMeeting();

        var series = api.call("POST", "/meetings/" + meeting + "/series", api.jane, "{\"rrule\":\"FREQ=WEEKLY;COUNT=2\","
                + "\"start\":\"2026-03-02T08:00\",\"timeZone\":\"UTC\",\"durationMinutes\":30}");

        assertThat(series.status()).isEqualTo(201);
    }

    @Test
    void anotherOrganizerCannotRunTheMeeting() {
        long meeting = janesMeeting();

        var refused = api.call("PUT", "/meetings/" + meeting, olga, MEETING);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("detail").asText()).isEqualTo("Only the meeting's owner or an administrator may do this");
        assertThat(api.call("GET", "/meetings/" + meeting, olga, null).json().has("audience")).isFalse();
    }

    @Test
    void anAttendeeCannotRunTheMeeting() {
        long meeting = janesMeeting();

        assertThat(api.call("DELETE", "/meetings/" + meeting, api.john, null).status()).isEqualTo(403);
        assertThat(api.call("GET", "/meetings/" + meeting, api.john, null).status()).isEqualTo(200);
    }

    @Test
    void anOrganizerCannotNameAnotherOwner() {
        var refused = api.call("POST", "/meetings", api.jane, MEETING.replace("{", "{\"ownerId\":1,"));

        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void rootNamesAnOrganizerAsOwnerButNotAMember() {
        var named = api.call("POST", "/meetings", ApiServer.ADMIN, MEETING.replace("{", "{\"ownerId\":2,"));
        var member = api.call("POST", "/meetings", ApiServer.ADMIN, MEETING.replace("{", "{\"ownerId\":1,"));

        assertThat(named.json().path("ownerId").asLong()).isEqualTo(2);
        assertThat(member.status()).isEqualTo(409);
        assertThat(member.json().path("detail").asText()).isEqualTo("User 1 is not an organizer or administrator, and cannot own a meeting");
    }

    @Test
    void aMeetingRootMakesWithoutNamingAnOwnerHasNone() {
        var made = api.call("POST", "/meetings", ApiServer.ADMIN, MEETING);

        assertThat(made.json().has("ownerId")).isTrue();
        assertThat(made.json().path("ownerId").isNull()).isTrue();
    }

    @Test
    void aRoleTakesEffectOnTheNextRequest() {
        assertThat(api.call("POST", "/meetings", api.john, MEETING).status()).isEqualTo(403);

        api.call("PATCH", "/users/1", ApiServer.ADMIN, "{\"role\":\"organizer\"}");

        assertThat(api.call("POST", "/meetings", api.john, MEETING).status()).isEqualTo(201);
    }

    @Test
    void aRoleThatIsNoneOfTheThreeIsRefusedNamingTheField() {
        var refused = api.call("PATCH", "/users/1", ApiServer.ADMIN, "{\"role\":\"owner\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("role", "must be admin, organizer or member");
    }

    @Test
    void aRoleComesInAPatchOfItsOwn() {
        var refused = api.call("PATCH", "/users/1", ApiServer.ADMIN, "{\"role\":\"organizer\",\"name\":\"J\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(api.call("GET", "/users/1", ApiServer.ADMIN, null).json().path("role").asText()).isEqualTo("member");
    }

    @Test
    void aPatchChangesOnlyTheFieldsItGives() {
        var patched = api.call("PATCH", "/users/1", ApiServer.ADMIN, "{\"age\":51}").json();

        assertThat(patched.path("age").asInt()).isEqualTo(51);
        assertThat(patched.path("email").asText()).isEqualTo("john.doe@example.com");
    }

    @Test
    void anOrganizerCannotChangeRoles() {
        assertThat(api.call("PATCH", "/users/1", api.jane, "{\"role\":\"organizer\"}").status()).isEqualTo(403);
    }

    @Test
    void theRequestIdGivenIsAnsweredForTheAuditRecord() {
        var patched = api.call("PATCH", "/users/1", ApiServer.ADMIN, "{\"role\":\"organizer\"}", "X-Request-Id", "req-42");

        assertThat(patched.header("X-Request-Id")).isEqualTo("req-42");
    }

    @Test
    void theOwnerHandsTheMeetingToAnotherOrganizerAndNoLongerRunsIt() {
        long meeting = janesMeeting();

        var handed = api.call("POST", "/meetings/" + meeting + "/owner", api.jane, "{\"userId\":3}");

        assertThat(handed.status()).isEqualTo(200);
        assertThat(handed.json().path("ownerId").asLong()).isEqualTo(3);
        assertThat(api.call("PUT", "/meetings/" + meeting, api.jane, MEETING).status()).isEqualTo(403);
        assertThat(api.call("PUT", "/meetings/" + meeting, olga, MEETING).status()).isEqualTo(200);
    }

    @Test
    void aMeetingCannotBeHandedToAMember() {
        long meeting = janesMeeting();

        var refused = api.call("POST", "/meetings/" + meeting + "/owner", api.jane, "{\"userId\":1}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(api.call("GET", "/meetings/" + meeting, api.jane, null).json().path("ownerId").asLong()).isEqualTo(2);
    }

    @Test
    void aPutCannotChangeTheOwner() {
        long meeting = janesMeeting();

        var refused = api.call("PUT", "/meetings/" + meeting, api.jane, MEETING.replace("{", "{\"ownerId\":3,"));
        var same = api.call("PUT", "/meetings/" + meeting, api.jane, MEETING.replace("{", "{\"ownerId\":2,"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("ownerId");
        assertThat(same.status()).isEqualTo(200);
    }

    @Test
    void aSuspendedUsersTokenIsRefusedAtOnceAndTheRecordSaysSuspended() {
        var suspended = api.call("PATCH", "/users/1", ApiServer.ADMIN, "{\"suspended\":true}");

        assertThat(suspended.json().path("suspended").asBoolean()).isTrue();
        assertThat(api.call("GET", "/me", api.john, null).status()).isEqualTo(401);
    }

    @Test
    void aSuspensionLiftedNeedsANewToken() {
        api.call("PATCH", "/users/1", ApiServer.ADMIN, "{\"suspended\":true}");

        var lifted = api.call("PATCH", "/users/1", ApiServer.ADMIN, "{\"suspended\":false}");
        String token = api.call("POST", "/users/1/token", ApiServer.ADMIN, null).json().path("token").asText();

        assertThat(lifted.json().has("suspended")).isFalse();
        assertThat(api.call("GET", "/me", api.john, null).status()).isEqualTo(401);
        assertThat(api.call("GET", "/me", token, null).status()).isEqualTo(200);
    }

    @Test
    void aSuspensionComesInAPatchOfItsOwn() {
        var refused = api.call("PATCH", "/users/1", ApiServer.ADMIN, "{\"suspended\":true,\"age\":3}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(api.call("GET", "/me", api.john, null).status()).isEqualTo(200);
    }

    @Test
    void anOrganizerCannotSuspendAnyone() {
        assertThat(api.call("PATCH", "/users/1", api.jane, "{\"suspended\":true}").status()).isEqualTo(403);
    }

    @Test
    void theOwnerRemovesAParticipantAndTheLeaveSaysKicked() {
        long meeting = api.call("POST", "/meetings", api.jane, "{\"title\":\"Open\",\"isPublic\":true}").json().path("id").asLong();
        long instance = api.call("POST", "/meetings/" + meeting + "/instances", api.jane,
                "{\"from\":\"2026-01-05T09:00:00Z\",\"to\":\"2026-01-05T12:00:00Z\"}").json().path("id").asLong();
        api.call("POST", "/instances/" + instance + "/participants", api.john, "{\"userId\":1}");

        var removed = api.call("DELETE", "/instances/" + instance + "/participants/1", api.jane, null);

        assertThat(removed.status()).isEqualTo(200);
        var events = api.call("GET", "/instances/" + instance + "/events", api.jane, null).json();
        assertThat(events.get(events.size() - 1).path("reason").asText()).isEqualTo("kicked");
        assertThat(api.call("DELETE", "/instances/" + instance + "/participants/2", olga, null).status()).isEqualTo(403);
    }

    @Test
    void theOwnerBansAParticipantWhoseJoinIsThenRefusedUntilTheBanIsLifted() {
        long meeting = api.call("POST", "/meetings", api.jane, "{\"title\":\"Open\",\"isPublic\":true}").json().path("id").asLong();
        long instance = api.call("POST", "/meetings/" + meeting + "/instances", api.jane,
                "{\"from\":\"2026-01-05T09:00:00Z\",\"to\":\"2026-01-05T12:00:00Z\"}").json().path("id").asLong();
        api.call("POST", "/instances/" + instance + "/participants", api.john, "{\"userId\":1}");

        var banned = api.call("PUT", "/meetings/" + meeting + "/bans/1", api.jane, "{\"reason\":\"spam\"}");

        assertThat(banned.status()).isEqualTo(200);
        assertThat(banned.json().path("removedFrom").asLong()).isEqualTo(instance);
        var refused = api.call("POST", "/instances/" + instance + "/participants", api.john, "{\"userId\":1}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("detail").asText()).isEqualTo("User 1 is banned from the meeting");
        assertThat(api.call("GET", "/meetings/" + meeting + "/bans", api.jane, null).json().get(0).path("reason").asText())
                .isEqualTo("spam");
        assertThat(api.call("DELETE", "/meetings/" + meeting + "/bans/1", api.jane, null).status()).isEqualTo(204);
        assertThat(api.call("POST", "/instances/" + instance + "/participants", api.john, "{\"userId\":1}").status())
                .isEqualTo(201);
    }

    @Test
    void aBanThatEndedBeforeItBeganIsRefusedNamingUntil() {
        long meeting = janesMeeting();

        var refused = api.call("PUT", "/meetings/" + meeting + "/bans/1", api.jane, "{\"until\":\"2020-01-01T00:00:00Z\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("until");
        assertThat(api.call("GET", "/meetings/" + meeting + "/bans", api.jane, null).json().size()).isZero();
    }

    @Test
    void deletingAnOwnerIsRefusedWithTheMeetingsNamedUntilTheCallHandsThemOver() {
        long meeting = janesMeeting();
        long olgaId = api.call("GET", "/me", olga, null).json().path("user").path("id").asLong();

        var refused = api.call("DELETE", "/users/2", ApiServer.ADMIN, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asText()).startsWith("User 2 owns meeting " + meeting + ":");

        assertThat(api.call("DELETE", "/users/2?handTo=" + olgaId, ApiServer.ADMIN, null).status()).isEqualTo(204);
        assertThat(api.call("GET", "/meetings/" + meeting, olga, null).json().path("ownerId").asLong()).isEqualTo(olgaId);
    }
}
