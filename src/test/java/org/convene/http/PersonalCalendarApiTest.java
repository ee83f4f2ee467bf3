package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.convene.testing.ApiServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A person's calendar for a range: the instances of the meetings they may join, and their series' occurrences not made
 * yet, each at the instant its rule gives in its time zone (across a daylight-saving change too).
 */
class PersonalCalendarApiTest extends ApiServerTest {

    @BeforeEach
    void aWeeklySeriesLateOnMondaysInNewYork() {
        api.reset();
        ApiServer.Response made = api.call("POST", "/meetings/1/series", ApiServer.ADMIN, "{\"rrule\":\"FREQ=WEEKLY;BYDAY=MO\","
                + "\"start\":\"2026-01-05T23:30\",\"timeZone\":\"America/New_York\",\"durationMinutes\":30}");
        assertThat(made.status()).as(made.raw().body()).isEqualTo(201);
    }

    private static List<JsonNode> entries(String token, String from, String to) {
        ApiServer.Response calendar = api.call("GET", "/users/1/calendar?from=" + from + "&to=" + to, token, null);
        assertThat(calendar.status()).as(calendar.raw().body()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        calendar.json().get("entries").forEach(entries::add);
        return entries;
    }

    @Test
    void anOccurrenceMadeAlreadyIsItsInstance() {
        List<JsonNode> week = entries(api.john, "2026-01-12T00:00:00Z", "2026-01-19T00:00:00Z");

        assertThat(week).filteredOn(e -> e.get("meetingId").asLong() == 1).singleElement().satisfies(e -> {
            assertThat(e.get("start").asText()).isEqualTo("2026-01-13T04:30:00Z");
            assertThat(e.get("status").asText()).isEqualTo("scheduled");
            assertThat(e.get("instanceId").isNumber()).isTrue();
        });
    }

    @Test
    void anOccurrenceAHundredDaysAheadIsThereAtItsLocalTimeAfterTheClocksChange() {
        List<JsonNode> week = entries(api.john, "2026-04-13T00:00:00Z", "2026-04-20T00:00:00Z");

        assertThat(week).filteredOn(e -> e.get("meetingId").asLong() == 1).singleElement().satisfies(e -> {
            // 23:30 in New York on Monday 13 April is daylight time (UTC-4): 03:30 UTC on the Tuesday.
            assertThat(e.get("start").asText()).isEqualTo("2026-04-14T03:30:00Z");
            assertThat(e.get("status").asText()).isEqualTo("not_yet");
            assertThat(e.has("instanceId")).as("not made yet").isFalse();
            assertThat(e.get("seriesId").asLong()).isEqualTo(1);
        });
    }

    @Test
    void aPrivateMeetingIsOnTheCalendarsOfItsAudienceAlone() {
        assertThat(entries(api.john, "2026-01-05T00:00:00Z", "2026-01-06T00:00:00Z"))
                .anyMatch(e -> e.get("meetingId").asLong() == 2);
        ApiServer.Response janes = api.call("GET", "/users/2/calendar?from=2026-01-05T00:00:00Z&to=2026-01-06T00:00:00Z",
                api.jane, null);
        assertThat(janes.json().get("entries")).noneMatch(e -> e.get("meetingId").asLong() == 2);
    }

    @Test
    void someoneElsesCalendarIsRefused() {
        assertThat(api.call("GET", "/users/1/calendar?from=2026-01-05T00:00:00Z&to=2026-01-06T00:00:00Z", api.jane, null)
                .status()).isEqualTo(403);
    }

    @Test
    void aRangeLongerThanTwoMonthsIsRefusedNamingTo() {
        ApiServer.Response refused = api.call("GET", "/users/1/calendar?from=2026-01-01T00:00:00Z&to=2026-04-01T00:00:00Z",
                api.john, null);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).startsWith("to ");
    }
}
