package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.convene.testing.ApiServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A meeting's hosts over HTTP, as they use it: Jane, an organizer, owns a private meeting whose audience is John;
 * she makes Cora, a member outside the audience, its co-host; its instance is active and John is inside.
 */
class HostingApiTest extends ApiServerTest {
    static final String MEETING = "{\"title\":\"Planning\",\"isPublic\":false,\"audience\":[\"john.doe@example.com\"],"
            + "\"reminderMinutes\":5,\"capacity\":10}";

    String cora;
    long coraId;
    long meeting;
    long instance;

    @BeforeEach
    void janeRunsAMeetingCoraCoHosts() {
        api.reset();
        api.call("PATCH", "/users/2", ApiServer.ADMIN, "{\"role\":\"organizer\"}");
        var made = api.call("POST", "/users", ApiServer.ADMIN, "{\"name\":\"Cora\",\"age\":40,\"email\":\"cora@example.com\"}");
        cora = made.json().path("token").asText();
        coraId = made.json().path("user").path("id").asLong();
        meeting = api.call("POST", "/meetings", api.jane, MEETING).json().path("id").asLong();
        assertThat(api.call("PUT", "/meetings/" + meeting + "/cohosts/" + coraId, api.jane, null).status()).isEqualTo(200);
        instance = api.call("POST", "/meetings/" + meeting + "/instances", api.jane,
                "{\"from\":\"2026-01-05T09:00:00Z\",\"to\":\"2026-01-05T12:00:00Z\"}").json().path("id").asLong();
        assertThat(api.call("POST", "/instances/" + instance + "/participants", api.john, "{\"userId\":1}").status())
                .isEqualTo(201);
    }

    private String path(String rest) {
        return "/instances/" + instance + rest;
    }

    @Test
    void theMeetingNamesItsCoHostsAndOptions() {
        JsonNode read = api.call("GET", "/meetings/" + meeting, api.john, null).json();

        assertThat(read.path("cohostIds").get(0).asLong()).isEqualTo(coraId);
        assertThat(read.path("chatMode").asText()).isEqualTo("open");
        assertThat(read.path("cohostsCanEnd").asBoolean()).isFalse();
        assertThat(read.path("attendanceView").asText()).isEqualTo("hosts");
    }

    @Test
    void aCoHostJoinsAndRemovesAnAttendee() {
        assertThat(api.call("POST", path("/participants"), cora, "{\"userId\":" + coraId + "}").status()).isEqualTo(201);

        var removed = api.call("DELETE", path("/participants/1"), cora, null);

        assertThat(removed.status()).isEqualTo(200);
        assertThat(api.call("GET", path("/participants"), cora, null).json()).hasSize(1);
    }

    @Test
    void aCoHostDeletesAMessageAndTheChatNoLongerHasIt() {
        long n = api.call("POST", path("/messages"), api.john, "{\"userId\":1,\"text\":\"spam\"}").json().path("id").asLong();

        assertThat(api.call("DELETE", path("/messages/" + n), cora, null).status()).isEqualTo(204);

        assertThat(api.call("GET", path("/messages"), api.john, null).json()).isEmpty();
    }

    @Test
    void anAttendeeCannotDeleteTheOwnersMessage() {
        api.call("POST", path("/participants"), api.jane, "{\"userId\":2}");
        long n = api.call("POST", path("/messages"), api.jane, "{\"userId\":2,\"text\":\"agenda\"}").json().path("id").asLong();

        var refused = api.call("DELETE", path("/messages/" + n), api.john, null);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("detail").asText()).isEqualTo("Only its author or the meeting's hosts may delete a message");
    }

    @Test
    void withTheChatForHostsOnlyAnAttendeesPostIsRefusedInPlainWords() {
        assertThat(api.call("PATCH", "/meetings/" + meeting, cora, "{\"chatMode\":\"hosts_only\"}").status()).isEqualTo(200);

        var refused = api.call("POST", path("/messages"), api.john, "{\"userId\":1,\"text\":\"hi\"}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("detail").asText()).isEqualTo("The chat of this meeting is open to its hosts only");
    }

    @Test
    void aPatchChangesOnlyWhatItGivesAndKeepsTheReminder() {
        var patched = api.call("PATCH", "/meetings/" + meeting, api.jane, "{\"description\":\"Weekly\"}");

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("description").asText()).isEqualTo("Weekly");
        assertThat(patched.json().path("reminderMinutes").asInt()).isEqualTo(5);
        assertThat(patched.json().path("capacity").asInt()).isEqualTo(10);
    }

    @Test
    void aPatchGivingNullRemovesTheCapacity() {
        var patched = api.call("PATCH", "/meetings/" + meeting, api.jane, "{\"capacity\":null}");

        assertThat(patched.json().has("capacity")).isFalse();
        assertThat(patched.json().path("reminderMinutes").asInt()).isEqualTo(5);
    }

    @Test
    void aPatchWithAnUnknownChatModeIsRefusedNamingItAndChangesNothing() {
        long version = api.call("GET", "/meetings/" + meeting, api.jane, null).json().path("version").asLong();

        var refused = api.call("PATCH", "/meetings/" + meeting, api.jane, "{\"description\":\"x\",\"chatMode\":\"quiet\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("chatMode").contains("quiet");
        JsonNode after = api.call("GET", "/meetings/" + meeting, api.jane, null).json();
        assertThat(after.path("version").asLong()).isEqualTo(version);
        assertThat(after.path("description").asText()).isEmpty();
    }

    @Test
    void aCoHostMayNotChangeTheMeetingsDetails() {
        var refused = api.call("PATCH", "/meetings/" + meeting, cora, "{\"title\":\"Mine\"}");

        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void anAttendeeSeesOnlyTheirOwnAttendanceWhileHostsSeeEveryone() {
        api.call("POST", path("/participants"), cora, "{\"userId\":" + coraId + "}");

        assertThat(api.call("GET", path("/attendance"), api.john, null).json().path("attendees"))
                .extracting(a -> a.path("userId").asLong()).containsExactly(1L);
        assertThat(api.call("GET", path("/attendance"), cora, null).json().path("attendees")).hasSize(2);
    }

    @Test
    void withAttendanceForAdministratorsOnlyACoHostSeesTheirOwnRowAlone() {
        api.call("PATCH", "/meetings/" + meeting, api.jane, "{\"attendanceView\":\"admins\"}");
        api.call("POST", path("/participants"), cora, "{\"userId\":" + coraId + "}");

        assertThat(api.call("GET", path("/attendance"), cora, null).json().path("attendees"))
                .extracting(a -> a.path("userId").asLong()).containsExactly(coraId);
    }

    @Test
    void theMeetingsAuditNamesWhoDidWhatWithTheirRequestId() {
        api.call("DELETE", path("/participants/1"), cora, null, "X-Request-Id", "req-42");

        JsonNode newest = api.call("GET", "/meetings/" + meeting + "/audit?limit=1", cora, null).json().get(0);

        assertThat(newest.path("action").asText()).isEqualTo("participant_removed");
        assertThat(newest.path("actor").path("id").asLong()).isEqualTo(coraId);
        assertThat(newest.path("target").asText()).isEqualTo("user:1");
        assertThat(newest.path("requestId").asText()).isEqualTo("req-42");
    }

    @Test
    void anAttendeeCannotReadTheMeetingsAudit() {
        assertThat(api.call("GET", "/meetings/" + meeting + "/audit", api.john, null).status()).isEqualTo(403);
    }

    @Test
    void aCoHostResignsAndLosesTheirControls() {
        assertThat(api.call("DELETE", "/meetings/" + meeting + "/cohosts/" + coraId, cora, null).json()
                .path("cohostIds")).isEmpty();

        assertThat(api.call("DELETE", path("/participants/1"), cora, null).status()).isEqualTo(403);
    }

    @Test
    void aCoHostWhomTheMeetingDoesNotLetEndIsToldWhy() {
        var refused = api.call("POST", path("/end"), cora, null);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("detail").asText()).isEqualTo("This meeting does not let co-hosts end it");
    }
}
