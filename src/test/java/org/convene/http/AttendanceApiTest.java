package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.convene.schedule.InstanceScheduler;
import org.convene.testing.ApiServer;
import org.convene.testing.SseListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The attendance report over HTTP, as JSON and as CSV; and meeting capacity. Instance 1 (public) is
 * active from a minute before T0; John is user 1, Jane user 2.
 */
class AttendanceApiTest extends ApiServerTest {

    @BeforeEach
    void seedWorld() {
        api.reset();
    }

    void joinAndLeave() {
        assertThat(api.call("POST", "/instances/1/participants", api.john, "{\"userId\":1}").status()).isEqualTo(201);
        api.clock.advance(Duration.ofMinutes(10));
        assertThat(api.call("DELETE", "/instances/1/participants/1", api.john, null).status()).isEqualTo(200);
        api.clock.advance(Duration.ofMinutes(5));
        assertThat(api.call("POST", "/instances/1/participants", api.john, "{\"userId\":1}").status()).isEqualTo(201);
        api.clock.advance(Duration.ofMinutes(5));
        assertThat(api.call("POST", "/instances/1/end", ApiServer.ADMIN, null).status()).isEqualTo(200);
    }

    @Test
    void theReportGivesEachSegmentWithWhatEndedItAndTheTotals() {
        joinAndLeave();

        JsonNode report = api.call("GET", "/instances/1/attendance", api.john, null).json();

        assertThat(report.path("status").asText()).isEqualTo("ended");
        assertThat(report.path("uniqueAttendees").asInt()).isEqualTo(1);
        assertThat(report.path("actual").path("to").asText()).isEqualTo(ApiServer.T0.plus(Duration.ofMinutes(20)).toString());
        JsonNode john = report.path("attendees").get(0);
        assertThat(john.path("presentSeconds").asLong()).isEqualTo(15 * 60);
        assertThat(john.path("rejoins").asInt()).isEqualTo(1);
        assertThat(john.path("segments")).extracting(s -> s.path("endedBy").asText()).containsExactly("left", "timeout");
        assertThat(john.path("shareOfActual").asDouble()).isEqualTo(15.0 / 21, Offset.offset(1e-4));
    }

    @Test
    void theSameReportAsCsvHasOneRowPerSegment() throws Exception {
        joinAndLeave();

        var response = api.call("GET", "/instances/1/attendance", ApiServer.ADMIN, null, "Accept", "text/csv");

        assertThat(response.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(response.raw().headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        List<Map<String, String>> rows = csv(response.raw().body());
        assertThat(rows).extracting(r -> r.get("endedBy")).containsExactly("left", "timeout");
        assertThat(rows).extracting(r -> r.get("seconds")).containsExactly("600", "300");
        assertThat(rows.get(0).get("joinedAt")).isEqualTo(ApiServer.T0.toString());
    }

    @Test
    void theSheetForPeopleSaysHowEachStretchEndedInWordsAndInMinutes() throws Exception {
        joinAndLeave();

        var response = api.call("GET", "/instances/1/attendance?format=people", ApiServer.ADMIN, null, "Accept", "text/csv");

        assertThat(response.raw().headers().firstValue("Content-Disposition").orElse("")).contains("attendance-1.csv");
        List<Map<String, String>> rows = csv(response.raw().body());
        assertThat(rows).extracting(r -> r.get("How it ended")).containsExactly("left", "in at the end");
        assertThat(rows).extracting(r -> r.get("Minutes")).containsExactly("10.0", "5.0");
        assertThat(rows.get(0).get("Joined (UTC)")).isEqualTo("2026-01-05 10:00:00");
        assertThat(response.raw().body()).doesNotContain("timeout");
    }

    @Test
    void aFormatNobodyOffersIsRefusedNamingIt() {
        var refused = api.call("GET", "/instances/1/attendance?format=xlsx", ApiServer.ADMIN, null, "Accept", "text/csv");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("format");
    }

    @Test
    void aClientThatAcceptsJsonFirstGetsJsonEvenIfItAlsoAcceptsCsv() {
        var response = api.call("GET", "/instances/1/attendance", ApiServer.ADMIN, null, "Accept", "application/json, text/csv");

        assertThat(response.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    @Test
    void aNameASpreadsheetWouldRunAsAFormulaStaysText() throws Exception {
        var created = api.call("POST", "/users", ApiServer.ADMIN,
                "{\"name\":\"=HYPERLINK(\\\"http://x\\\",\\\"a, b\\\")\",\"age\":30,\"email\":\"f@example.com\"}").json();
        long id = created.path("user").path("id").asLong();
        String token = created.path("token").asText();
        assertThat(api.call("POST", "/instances/1/participants", token, "{\"userId\":" + id + "}").status()).isEqualTo(201);

        var response = api.call("GET", "/instances/1/attendance", ApiServer.ADMIN, null, "Accept", "text/csv");

        assertThat(csv(response.raw().body()).get(0).get("name")).isEqualTo("'=HYPERLINK(\"http://x\",\"a, b\")");
    }

    @Test
    void aUserSeesTheirOwnAttendanceAcrossInstances() {
        joinAndLeave();

        JsonNode mine = api.call("GET", "/users/1/attendance", api.john, null).json();

        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).path("instanceId").asLong()).isEqualTo(1);
        assertThat(mine.get(0).path("attendance").path("segments")).hasSize(2);
    }

    @Test
    void aMeetingWithACapacityRefusesTheJoinBeyondIt() {
        var meeting = api.call("POST", "/meetings", ApiServer.ADMIN, "{\"title\":\"Small\",\"isPublic\":true,\"capacity\":1}");
        assertThat(meeting.json().path("capacity").asInt()).isEqualTo(1);
        long id = meeting.json().path("id").asLong();
        long instance = activeInstanceOf(id);
        assertThat(api.call("POST", "/instances/" + instance + "/participants", api.john, "{\"userId\":1}").status()).isEqualTo(201);

        var refused = api.call("POST", "/instances/" + instance + "/participants", api.jane, "{\"userId\":2}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asText()).isEqualTo("Meeting instance is full");
        assertThat(api.call("GET", "/metrics", ApiServer.ADMIN, null).raw().body())
                .contains("convene_refusals_total{type=\"INSTANCE_FULL\"}");
    }

    @Test
    void aCapacityOfZeroIsRefusedAndCreatesNothing() {
        int before = api.call("GET", "/meetings", ApiServer.ADMIN, null).json().size();

        var refused = api.call("POST", "/meetings", ApiServer.ADMIN, "{\"title\":\"None\",\"isPublic\":true,\"capacity\":0}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("capacity");
        assertThat(api.call("GET", "/meetings", ApiServer.ADMIN, null).json().size()).isEqualTo(before);
    }

    @Test
    void aMeetingsPresenceRuleIsPartOfItAndAHeartbeatRenewsIt() {
        var meeting = api.call("POST", "/meetings", ApiServer.ADMIN,
                "{\"title\":\"Watched\",\"isPublic\":true,\"presence\":{\"leaseSeconds\":60,\"graceSeconds\":30}}").json();
        assertThat(meeting.path("presence").path("leaseSeconds").asInt()).isEqualTo(60);
        assertThat(meeting.path("presence").path("graceSeconds").asInt()).isEqualTo(30);
        long instance = activeInstanceOf(meeting.path("id").asLong());
        String heartbeat = "/instances/" + instance + "/participants/1/heartbeat";
        assertThat(api.call("POST", heartbeat, api.john, null).status()).as("not inside yet").isEqualTo(409);
        api.call("POST", "/instances/" + instance + "/participants", api.john, "{\"userId\":1}");

        assertThat(api.call("POST", heartbeat, api.john, null).status()).isEqualTo(204);
    }

    @Test
    void aLeaseTooShortIsRefusedNamingTheField() {
        var refused = api.call("POST", "/meetings", ApiServer.ADMIN,
                "{\"title\":\"Watched\",\"isPublic\":true,\"presence\":{\"leaseSeconds\":5}}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("presence.leaseSeconds");
    }

    @Test
    void anOpenInstanceStreamKeepsItsUserFromBeingReaped() throws Exception {
        var meeting = api.call("POST", "/meetings", ApiServer.ADMIN,
                "{\"title\":\"Watched\",\"isPublic\":true,\"presence\":{\"leaseSeconds\":30}}").json();
        long instance = activeInstanceOf(meeting.path("id").asLong());
        api.call("POST", "/instances/" + instance + "/participants", api.john, "{\"userId\":1}");
        api.call("POST", "/instances/" + instance + "/participants", api.jane, "{\"userId\":2}");
        SseListener johnWatching = new SseListener(api.server.url() + "/instances/" + instance + "/stream", api.john, null);
        assertThat(johnWatching.subscribed.await(10, TimeUnit.SECONDS)).isTrue();
        api.clock.advance(Duration.ofSeconds(25));
        api.server.renewStreamPresence();
        api.clock.advance(Duration.ofSeconds(10));

        new InstanceScheduler(api.store.transitions(), api.clock, Duration.ofSeconds(1), t -> { }).tick();

        assertThat(api.call("GET", "/instances/" + instance + "/participants", api.john, null).json())
                .extracting(p -> p.path("userId").asLong()).containsExactly(1L);
        johnWatching.drop();
    }

    /** Schedules an instance of the meeting that is active now (from a minute ago, for an hour); returns its id. */
    static long activeInstanceOf(long meeting) {
        return api.call("POST", "/meetings/" + meeting + "/instances", ApiServer.ADMIN, "{\"from\":\""
                + ApiServer.T0.minusSeconds(60) + "\",\"to\":\"" + ApiServer.T0.plusSeconds(3600) + "\"}").json().path("id").asLong();
    }

    static List<Map<String, String>> csv(String text) throws Exception {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            return rows.readAll();
        }
    }
}
