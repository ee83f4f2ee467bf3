package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.xml.parsers.DocumentBuilderFactory;
import org.convene.testing.ApiServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * A series at a glance ({@code GET /meetings/{id}/series/{seriesId}/attendance} and {@code .svg}): a daily series of
 * three occurrences from the server's clock on (2026-01-05T10:00Z); John comes to all three, Jane to the second.
 */
class SeriesAttendanceApiTest extends ApiServerTest {
    long meeting;
    long series;

    @BeforeEach
    void threeOccurrencesJohnAtEachJaneAtOne() {
        api.reset();
        meeting = api.call("POST", "/meetings", ApiServer.ADMIN, "{\"title\":\"Daily\",\"isPublic\":true}").json()
                .path("id").asLong();
        JsonNode made = api.call("POST", "/meetings/" + meeting + "/series", ApiServer.ADMIN, "{\"rrule\":\"FREQ=DAILY;"
                + "COUNT=3\",\"start\":\"2026-01-05T11:00\",\"timeZone\":\"UTC\",\"durationMinutes\":30}").json();
        series = made.path("id").asLong();
        for (int day = 0; day < 3; day++) {
            long instance = made.path("occurrences").get(day).path("instanceId").asLong();
            api.clock.set(java.time.Instant.parse("2026-01-05T11:05:00Z").plus(Duration.ofDays(day)));
            api.call("POST", "/instances/" + instance + "/participants", api.john, "{\"userId\":1}");
            if (day == 1) api.call("POST", "/instances/" + instance + "/participants", api.jane, "{\"userId\":2}");
        }
        api.clock.set(java.time.Instant.parse("2026-01-08T00:00:00Z"));
    }

    @Test
    void eachOccurrenceSaysHowManyCameAndEachPersonWhichTheyCameTo() {
        JsonNode glance = api.call("GET", "/meetings/" + meeting + "/series/" + series + "/attendance", ApiServer.ADMIN,
                null).json();

        assertThat(glance.path("occurrences")).extracting(o -> o.path("attendees").asInt()).containsExactly(1, 2, 1);
        assertThat(glance.path("trend").path("direction").asText()).isEqualTo("steady");
        assertThat(glance.path("people")).extracting(p -> p.path("userId").asLong(), p -> p.path("came").size(),
                        p -> p.path("share").asDouble())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 3, 1.0),
                        org.assertj.core.groups.Tuple.tuple(2L, 1, 0.3333));
    }

    @Test
    void thePictureParsesWithATitleAndAMarkWhereSomeoneCame() throws Exception {
        var answer = api.call("GET", "/meetings/" + meeting + "/series/" + series + "/attendance.svg", ApiServer.ADMIN, null);
        assertThat(answer.contentType()).startsWith("image/svg+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(answer.raw().body()
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0).getTextContent())
                .isEqualTo("Attendance across the series of Daily");
        assertThat(answer.raw().body()).contains("data-came=\"true\"").contains("href=\"/#/instances/");
        assertThat(answer.raw().body().split("data-came=\"true\"", -1)).hasSize(5);
    }

    @Test
    void anAttendeeMayNotSeeEveryonesRecord() {
        assertThat(api.call("GET", "/meetings/" + meeting + "/series/" + series + "/attendance", api.john, null).status())
                .isEqualTo(403);
    }
}
