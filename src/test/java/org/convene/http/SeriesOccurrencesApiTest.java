package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.convene.testing.ApiServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A series' occurrences for any range ({@code GET /meetings/{id}/series/{seriesId}/occurrences}), checked against
 * ical4j's expansion of the meeting's own calendar feed, cancellations and moves included. The server's clock stands
 * at 2026-01-05T10:00Z; occurrences are made as instances 60 days ahead.
 */
class SeriesOccurrencesApiTest extends ApiServerTest {
    long meeting;

    @BeforeEach
    void aMeeting() {
        api.reset();
        meeting = api.call("POST", "/meetings", ApiServer.ADMIN, "{\"title\":\"Weekly\",\"isPublic\":true}").json()
                .path("id").asLong();
    }

    private long series(String rrule, String start, String zone) {
        return api.call("POST", "/meetings/" + meeting + "/series", ApiServer.ADMIN, "{\"rrule\":\"" + rrule
                + "\",\"start\":\"" + start + "\",\"timeZone\":\"" + zone + "\",\"durationMinutes\":30}").json()
                .path("id").asLong();
    }

    private JsonNode occurrences(long series, String query) {
        var answer = api.call("GET", "/meetings/" + meeting + "/series/" + series + "/occurrences" + query, api.john, null);
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void aSeriesStartingIn99DaysShowsItsOccurrencesThoughNoneIsMadeYet() {
        long series = series("FREQ=WEEKLY;COUNT=3", "2026-04-14T09:00", "UTC");

        JsonNode page = occurrences(series, "?to=2026-06-01T00:00:00Z");

        assertThat(page.path("occurrences")).extracting(o -> o.path("start").asText(), o -> o.path("status").asText())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-04-14T09:00:00Z", "not_yet"),
                        org.assertj.core.groups.Tuple.tuple("2026-04-21T09:00:00Z", "not_yet"),
                        org.assertj.core.groups.Tuple.tuple("2026-04-28T09:00:00Z", "not_yet"));
        assertThat(page.path("next").isMissingNode() || page.path("next").isNull()).isTrue();
    }

    @Test
    void theOccurrencesAgreeWithTheCalendarFeedThroughACancellationAndAMove() throws Exception {
        long series = series("FREQ=WEEKLY;BYDAY=TU;COUNT=6", "2026-01-06T09:00", "Europe/Athens");
        assertThat(api.call("DELETE", "/meetings/" + meeting + "/series/" + series + "/occurrences/2026-01-13T07:00:00Z",
                ApiServer.ADMIN, null).status()).isEqualTo(204);
        assertThat(api.call("PUT", "/meetings/" + meeting + "/series/" + series + "/occurrences/2026-01-20T07:00:00Z",
                ApiServer.ADMIN, "{\"from\":\"2026-01-21T12:00:00Z\",\"to\":\"2026-01-21T12:30:00Z\"}").status()).isEqualTo(200);

        JsonNode page = occurrences(series, "?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z");
        String ics = api.call("GET", "/meetings/" + meeting + "/calendar.ics", api.john, null).raw().body();

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        VEvent master = events.stream().filter(e -> e.getProperty(Property.RRULE).isPresent()).findFirst().orElseThrow();
        Set<Instant> expected = master.<ZonedDateTime>calculateRecurrenceSet(new Period<>(
                        ZonedDateTime.parse("2026-01-01T00:00:00Z"), ZonedDateTime.parse("2026-03-01T00:00:00Z")))
                .stream().map(p -> Instant.from(p.getStart())).collect(Collectors.toCollection(TreeSet::new));
        for (VEvent moved : events) {
            if (moved.getProperty(Property.RECURRENCE_ID).isEmpty()) continue;
            var original = (net.fortuna.ical4j.model.property.RecurrenceId<?>) moved.getProperty(Property.RECURRENCE_ID)
                    .orElseThrow();
            expected.remove(Instant.from((Temporal) original.getDate()));
            expected.add(Instant.from((Temporal) moved.getDateTimeStart().getDate()));
        }
        Set<Instant> listed = new TreeSet<>();
        page.path("occurrences").forEach(o -> {
            if (!o.path("status").asText().equals("cancelled")) listed.add(Instant.parse(o.path("start").asText()));
        });
        assertThat(listed).isEqualTo(expected);
        assertThat(page.path("occurrences")).extracting(o -> o.path("status").asText())
                .containsExactly("made", "cancelled", "moved", "made", "made", "made");
        assertThat(page.path("occurrences").get(2).path("recurrenceId").asText()).isEqualTo("2026-01-20T07:00:00Z");
    }

    @Test
    void pagesFollowOneAnotherWithoutGapOrRepeat() {
        long series = series("FREQ=DAILY;COUNT=25", "2026-01-06T09:00", "UTC");
        List<String> seen = new ArrayList<>();
        String from = "2026-01-01T00:00:00Z";
        for (int pages = 0; from != null && pages < 10; pages++) {
            JsonNode page = occurrences(series, "?from=" + from + "&to=2026-03-01T00:00:00Z&limit=10");
            page.path("occurrences").forEach(o -> seen.add(o.path("recurrenceId").asText()));
            from = page.path("next").isTextual() ? page.path("next").asText() : null;
        }

        assertThat(seen).hasSize(25).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefusedNamingTheField() {
        long series = series("FREQ=WEEKLY;COUNT=3", "2026-01-06T09:00", "UTC");

        var refused = api.call("GET", "/meetings/" + meeting + "/series/" + series
                + "/occurrences?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", api.john, null);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("to").contains("after from");
    }
}
