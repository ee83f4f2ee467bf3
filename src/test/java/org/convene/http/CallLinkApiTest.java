package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.convene.testing.ApiServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A meeting's call link: Jane (an organizer) runs a private meeting for John and Pia with a call at a Jitsi room.
 * Everyone who sees the meeting learns that it has a call; its address goes only to those inside a live occurrence
 * (and to the hosts), never to someone who has not joined, before it starts, or to someone outside the audience.
 */
class CallLinkApiTest extends ApiServerTest {
    static final String ROOM = "https://meet.jit.si/convene-planning-7f3a";

    String pia;
    long meeting;
    long live;

    @BeforeEach
    void janeRunsAMeetingWithACall() {
        api.reset();
        api.call("PATCH", "/users/2", ApiServer.ADMIN, "{\"role\":\"organizer\"}");
        pia = api.call("POST", "/users", ApiServer.ADMIN, "{\"name\":\"Pia\",\"email\":\"pia@example.com\"}")
                .json().path("token").asText();
        meeting = api.call("POST", "/meetings", api.jane, "{\"title\":\"Planning\",\"isPublic\":false,\"audience\":"
                + "[\"john.doe@example.com\",\"pia@example.com\"],\"callUrl\":\"" + ROOM + "\"}").json().path("id").asLong();
        live = api.call("POST", "/meetings/" + meeting + "/instances", api.jane,
                "{\"from\":\"2026-01-05T09:00:00Z\",\"to\":\"2026-01-05T12:00:00Z\"}").json().path("id").asLong();
    }

    private ApiServer.Response call(long instance, String token) {
        return api.call("GET", "/instances/" + instance + "/call", token, null);
    }

    @Test
    void someoneInsideALiveOccurrenceGetsTheCallsAddress() {
        api.call("POST", "/instances/" + live + "/participants", api.john, "{\"userId\":1}");

        var answer = call(live, api.john);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("url").asText()).isEqualTo(ROOM);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void someoneInTheAudienceWhoHasNotJoinedIsToldToJoinFirst() {
        var refused = call(live, pia);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("type").asText()).endsWith("not-in-meeting");
    }

    @Test
    void theMeetingSaysItHasACallToItsAudienceButNotWhere() {
        JsonNode read = api.call("GET", "/meetings/" + meeting, pia, null).json();

        assertThat(read.path("hasCallLink").asBoolean()).isTrue();
        assertThat(read.has("callUrl")).isFalse();
        assertThat(api.call("GET", "/meetings/" + meeting, api.jane, null).json().path("callUrl").asText()).isEqualTo(ROOM);
    }

    @Test
    void theHostGetsTheCallWithoutJoiningButNobodyGetsItBeforeItIsLive() {
        long later = api.call("POST", "/meetings/" + meeting + "/instances", api.jane,
                "{\"from\":\"2026-01-06T09:00:00Z\",\"to\":\"2026-01-06T10:00:00Z\"}").json().path("id").asLong();

        assertThat(call(live, api.jane).json().path("url").asText()).isEqualTo(ROOM);
        assertThat(call(later, api.jane).status()).isEqualTo(409);
        assertThat(call(later, api.jane).json().path("type").asText()).endsWith("not-active");
    }

    @Test
    void someoneOutsideThePrivateAudienceIsRefused() {
        String olga = api.call("POST", "/users", ApiServer.ADMIN, "{\"name\":\"Olga\",\"email\":\"olga@example.com\"}")
                .json().path("token").asText();

        assertThat(call(live, olga).status()).isEqualTo(403);
    }

    @Test
    void anAddressThatIsNotAWebAddressIsRefusedNamingTheFieldAndChangesNothing() {
        for (String bad : new String[] {"javascript:alert(1)", "/relative/room", "https://", "https://meet.example/a b"}) {
            var refused = api.call("PATCH", "/meetings/" + meeting, api.jane, "{\"callUrl\":\"" + bad + "\"}");

            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().path("detail").asText()).as(bad).contains("callUrl");
        }
        assertThat(api.call("GET", "/meetings/" + meeting, api.jane, null).json().path("callUrl").asText()).isEqualTo(ROOM);
    }

    @Test
    void theTrailSaysTheCallWasSetButNeverItsAddressWhichMayHoldCommas() {
        String withCommas = "https://zoom.example/j/123?pwd=a,b,lobby=everyone";
        assertThat(api.call("PATCH", "/meetings/" + meeting, api.jane, "{\"callUrl\":\"" + withCommas + "\"}").status())
                .isEqualTo(200);

        String trail = api.call("GET", "/meetings/" + meeting + "/audit", api.jane, null).raw().body();

        assertThat(trail).contains("callUrl=set").doesNotContain("zoom.example").doesNotContain("meet.jit.si");
        assertThat(api.call("GET", "/meetings/" + meeting, api.jane, null).json().path("lobby").asText()).isEqualTo("off");
        assertThat(api.call("GET", "/meetings/" + meeting, api.jane, null).json().path("callUrl").asText()).isEqualTo(withCommas);
    }

    @Test
    void aMeetingMadeWithABadAddressIsNotMade() {
        long before = api.call("GET", "/meetings", api.jane, null).json().size();

        var refused = api.call("POST", "/meetings", api.jane, "{\"title\":\"X\",\"isPublic\":true,\"callUrl\":\"ftp://files\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(api.call("GET", "/meetings", api.jane, null).json().size()).isEqualTo(before);
    }

    @Test
    void theOwnerChangesAndRemovesTheCallAndACoHostMayNot() {
        var cora = api.call("POST", "/users", ApiServer.ADMIN, "{\"name\":\"Cora\",\"email\":\"cora@example.com\"}").json();
        api.call("PUT", "/meetings/" + meeting + "/cohosts/" + cora.path("user").path("id").asLong(), api.jane, null);

        var byCoHost = api.call("PATCH", "/meetings/" + meeting, cora.path("token").asText(), "{\"callUrl\":\"https://x.example/\"}");
        assertThat(byCoHost.status()).isEqualTo(403);

        api.call("PATCH", "/meetings/" + meeting, api.jane, "{\"callUrl\":\"https://bbb.example/rooms/abc\"}");
        assertThat(api.call("GET", "/meetings/" + meeting, api.jane, null).json().path("callUrl").asText())
                .isEqualTo("https://bbb.example/rooms/abc");
        api.call("PATCH", "/meetings/" + meeting, api.jane, "{\"callUrl\":null}");
        api.call("POST", "/instances/" + live + "/participants", api.john, "{\"userId\":1}");
        assertThat(api.call("GET", "/meetings/" + meeting, api.john, null).json().has("hasCallLink")).isFalse();
        assertThat(call(live, api.john).status()).isEqualTo(404);
    }

    @Test
    void aReplacementOfTheDetailsAnswersWithTheLobbyAndTheCallAsStored() {
        api.call("PATCH", "/meetings/" + meeting, api.jane, "{\"lobby\":\"outsiders\"}");

        JsonNode saved = api.call("PUT", "/meetings/" + meeting, api.jane, "{\"title\":\"Planning\",\"isPublic\":false,"
                + "\"audience\":[\"john.doe@example.com\"]}").json();

        assertThat(saved.path("lobby").asText()).isEqualTo("outsiders");
        assertThat(saved.path("callUrl").asText()).isEqualTo(ROOM);
    }

    @Test
    void aReplacementOfTheDetailsKeepsTheCall() {
        api.call("PUT", "/meetings/" + meeting, api.jane, "{\"title\":\"Planning, renamed\",\"isPublic\":false,"
                + "\"audience\":[\"john.doe@example.com\"]}");

        assertThat(api.call("GET", "/meetings/" + meeting, api.jane, null).json().path("callUrl").asText()).isEqualTo(ROOM);
    }
}
