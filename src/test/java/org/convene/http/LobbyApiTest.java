package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.convene.testing.ApiServer;
import org.convene.testing.SseListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lobby over HTTP, as people use it: Jane, an organizer, owns a private meeting whose audience is John, with the
 * lobby open to outsiders; Cora, a member outside it, co-hosts; its instance is active. Otto is an outsider who knocks.
 */
class LobbyApiTest extends ApiServerTest {
    String cora;
    long coraId;
    String otto;
    long ottoId;
    long meeting;
    long instance;
    SseListener open;

    @BeforeEach
    void janeRunsAMeetingWithALobby() {
        api.reset();
        api.call("PATCH", "/users/2", ApiServer.ADMIN, "{\"role\":\"organizer\"}");
        var c = api.call("POST", "/users", ApiServer.ADMIN, "{\"name\":\"Cora\",\"email\":\"cora@example.com\",\"age\":40}");
        cora = c.json().path("token").asText();
        coraId = c.json().path("user").path("id").asLong();
        var o = api.call("POST", "/users", ApiServer.ADMIN, "{\"name\":\"Otto\",\"email\":\"otto@example.com\",\"age\":40}");
        otto = o.json().path("token").asText();
        ottoId = o.json().path("user").path("id").asLong();
        meeting = api.call("POST", "/meetings", api.jane, "{\"title\":\"Planning\",\"isPublic\":false,"
                + "\"audience\":[\"john.doe@example.com\"]}").json().path("id").asLong();
        api.call("PUT", "/meetings/" + meeting + "/cohosts/" + coraId, api.jane, null);
        assertThat(api.call("PATCH", "/meetings/" + meeting, api.jane, "{\"lobby\":\"outsiders\"}").json().path("lobby")
                .asText()).isEqualTo("outsiders");
        instance = api.call("POST", "/meetings/" + meeting + "/instances", api.jane,
                "{\"from\":\"2026-01-05T09:00:00Z\",\"to\":\"2026-01-05T12:00:00Z\"}").json().path("id").asLong();
    }

    @AfterEach
    void closeStreams() {
        if (open != null) open.response.cancel(true);
    }

    private String path(String rest) {
        return "/instances/" + instance + rest;
    }

    private ApiServer.Response knock() {
        return api.call("POST", path("/participants"), otto, "{\"userId\":" + ottoId + "}");
    }

    private SseListener stream(String token) throws Exception {
        open = new SseListener(api.server.url() + path("/stream"), token, null);
        assertThat(open.subscribed.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return open;
    }

    @Test
    void anOutsiderWhoKnocksIsAnswered202WithTheirPlace() {
        var waiting = knock();

        assertThat(waiting.status()).isEqualTo(202);
        assertThat(waiting.json().path("status").asText()).isEqualTo("waiting");
        assertThat(waiting.json().path("position").asInt()).isEqualTo(1);
        assertThat(waiting.header("Location")).isEqualTo(path("/lobby/" + ottoId));
    }

    @Test
    void aHostSeesWhoWaitsAndAdmitsThemAndTheyJoin() {
        knock();

        JsonNode lobby = api.call("GET", path("/lobby"), cora, null).json();
        assertThat(lobby.path("waiting").get(0).path("userId").asLong()).isEqualTo(ottoId);
        assertThat(lobby.path("waiting").get(0).path("name").asText()).isEqualTo("Otto");

        var admitted = api.call("POST", path("/lobby/" + ottoId + "/admit"), cora, null);
        assertThat(admitted.json().path("state").asText()).isEqualTo("admitted");
        assertThat(api.call("GET", path("/lobby/" + ottoId), otto, null).json().path("state").asText())
                .isEqualTo("admitted");
        assertThat(knock().status()).isEqualTo(201);
    }

    @Test
    void someoneLetInFromTheLobbyReadsTheChatLikeTheAudience() {
        knock();
        api.call("POST", path("/lobby/" + ottoId + "/admit"), api.jane, null);
        knock();

        assertThat(api.call("GET", path("/messages"), otto, null).status()).isEqualTo(200);
    }

    @Test
    void someoneWaitingSeesNothingInsideYet() {
        knock();

        assertThat(api.call("GET", path("/messages"), otto, null).status()).isEqualTo(403);
    }

    @Test
    void aDeniedOutsiderIsToldInPlainWords() {
        knock();
        api.call("POST", path("/lobby/" + ottoId + "/deny"), cora, null);

        var refused = knock();

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("detail").asText()).isEqualTo("A host did not let user " + ottoId
                + " into this occurrence");
    }

    @Test
    void admittingSomeoneWhoGaveUpIs409() {
        knock();
        assertThat(api.call("DELETE", path("/lobby/" + ottoId), otto, null).json().path("state").asText())
                .isEqualTo("gone");

        var late = api.call("POST", path("/lobby/" + ottoId + "/admit"), cora, null);

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("detail").asText()).contains("is not waiting");
    }

    @Test
    void admitAllAnswersWhoCameInAndWhoStillWaits() {
        knock();

        JsonNode all = api.call("POST", path("/lobby/admit-all"), api.jane, null).json();

        assertThat(all.path("admitted").get(0).asLong()).isEqualTo(ottoId);
        assertThat(all.path("waiting")).isEmpty();
    }

    @Test
    void aHostsStreamCarriesEveryLobbyEvent() throws Exception {
        SseListener host = stream(cora);

        knock();
        api.call("POST", path("/lobby/" + ottoId + "/admit"), api.jane, null);

        assertThat(host.awaitText("\"type\":\"lobby_admitted\"", 10)).isTrue();
        assertThat(host.events()).containsSubsequence("lobby_waiting", "lobby_admitted");
    }

    @Test
    void anAttendeesStreamCarriesNoLobbyEvents() throws Exception {
        api.call("POST", path("/participants"), api.john, "{\"userId\":1}");
        SseListener john = stream(api.john);
        knock();
        // A sentinel after the knock: once John has it, he would have had the knock too.
        api.call("POST", path("/messages"), api.john, "{\"userId\":1,\"text\":\"sentinel\"}");

        assertThat(john.awaitText("sentinel", 10)).isTrue();
        assertThat(john.events()).noneMatch(e -> e.startsWith("lobby_"));
    }

    @Test
    void aWaiterWhoSeesInsideIsToldOfTheirOwnAdmissionOnly() throws Exception {
        api.call("PATCH", "/meetings/" + meeting, api.jane, "{\"lobby\":\"everyone\"}");
        SseListener john = stream(api.john);
        knock();
        assertThat(api.call("POST", path("/participants"), api.john, "{\"userId\":1}").status()).isEqualTo(202);

        api.call("POST", path("/lobby/1/admit"), api.jane, null);

        assertThat(john.awaitText("\"type\":\"lobby_admitted\"", 10)).isTrue();
        assertThat(john.lines).filteredOn(l -> l.contains("\"type\":\"lobby_")).allMatch(l -> l.contains("\"userId\":1,"));
    }

    @Test
    void theAttendanceReportShowsTheWait() {
        knock();
        api.clock.advance(java.time.Duration.ofSeconds(20));
        api.call("POST", path("/lobby/" + ottoId + "/admit"), api.jane, null);
        knock();

        JsonNode waiting = api.call("GET", path("/attendance"), api.jane, null).json().path("waiting").get(0);

        assertThat(waiting.path("userId").asLong()).isEqualTo(ottoId);
        assertThat(waiting.path("waitedSeconds").asLong()).isEqualTo(20);
        assertThat(waiting.path("segments").get(0).path("outcome").asText()).isEqualTo("admitted");
    }

    @Test
    void aBadLobbyPolicyIsRefusedNamingTheField() {
        var refused = api.call("PATCH", "/meetings/" + meeting, api.jane, "{\"lobby\":\"sometimes\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("lobby", "off, outsiders or everyone");
    }

    @Test
    void aGuestOpensALinkWaitsIsLetInAndChatsButReachesNothingElse() {
        var made = api.call("POST", path("/guest-links"), cora, null);
        assertThat(made.status()).isEqualTo(201);
        String link = made.json().path("link").asText();
        var opened = api.call("POST", "/guests", null, "{\"link\":\"" + link + "\",\"name\":\"Gus Guest\"}");
        assertThat(opened.status()).isEqualTo(201);
        String gus = opened.json().path("token").asText();
        long gusId = opened.json().path("userId").asLong();

        assertThat(api.call("POST", path("/participants"), gus, "{\"userId\":" + gusId + "}").status()).isEqualTo(202);
        api.call("POST", path("/lobby/" + gusId + "/admit"), cora, null);
        assertThat(api.call("POST", path("/participants"), gus, "{\"userId\":" + gusId + "}").status()).isEqualTo(201);
        assertThat(api.call("POST", path("/messages"), gus, "{\"userId\":" + gusId + ",\"text\":\"hello\"}").status())
                .isEqualTo(201);

        var elsewhere = api.call("GET", "/meetings", gus, null);
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.json().path("detail").asText()).isEqualTo("A guest may act only in the occurrence their link was for");
        assertThat(api.call("GET", "/instances/1", gus, null).status()).isEqualTo(403);
        JsonNode row = api.call("GET", path("/attendance"), api.jane, null).json().path("attendees").get(0);
        assertThat(row.path("name").asText()).isEqualTo("Gus Guest");
        assertThat(row.path("guest").asBoolean()).isTrue();
    }

    @Test
    void aRevokedLinkNoLongerOpens() {
        var made = api.call("POST", path("/guest-links"), cora, null).json();
        assertThat(api.call("DELETE", path("/guest-links/" + made.path("id").asLong()), api.jane, null).status()).isEqualTo(204);

        var refused = api.call("POST", "/guests", null, "{\"link\":\"" + made.path("link").asText() + "\",\"name\":\"Late\"}");

        assertThat(refused.status()).isEqualTo(404);
        assertThat(api.call("GET", path("/guest-links"), cora, null).json().get(0).path("revokedAt").isMissingNode()).isFalse();
    }

    @Test
    void aGuestWithoutANameIsRefusedNamingTheField() {
        String link = api.call("POST", path("/guest-links"), cora, null).json().path("link").asText();

        var refused = api.call("POST", "/guests", null, "{\"link\":\"" + link + "\",\"name\":\"  \"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("name");
    }
}
