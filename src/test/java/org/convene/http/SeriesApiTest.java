package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.convene.testing.ApiServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Series over HTTP and the calendar feeds: a meeting's feed with the bearer token, a user's feed at a
 * secret address that needs none, holding every meeting they may join and nothing else.
 */
class SeriesApiTest extends ApiServerTest {

    @BeforeEach
    void seedWorld() {
        api.reset();
    }

    static List<String> uids(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .map(e -> e.getProperty(Property.UID).orElseThrow().getValue()).toList();
    }

    String createWeeklySeries(long meeting) {
        var made = api.call("POST", "/meetings/" + meeting + "/series", ApiServer.ADMIN, "{\"rrule\":\"FREQ=WEEKLY;BYDAY=TU;"
                + "COUNT=5\",\"start\":\"2026-01-06T09:00\",\"timeZone\":\"Europe/Athens\",\"durationMinutes\":30}");
        assertThat(made.status()).isEqualTo(201);
        assertThat(made.json().get("occurrences")).hasSize(5);
        return "series-" + made.json().get("id").asLong() + "-meeting-" + meeting + "@convene";
    }

    @Test
    void aMeetingsFeedIsAnICalendarWithItsSeries() throws Exception {
        String uid = createWeeklySeries(1);

        var feed = api.call("GET", "/meetings/1/calendar.ics", api.john, null);

        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(uids(feed.raw().body())).contains(uid);
    }

    @Test
    void aUsersFeedNeedsNoBearerTokenAndHoldsOnlyTheMeetingsTheyMayJoin() throws Exception {
        String privateSeries = createWeeklySeries(2);
        String url = api.call("POST", "/users/2/calendar-token", api.jane, null).json().get("url").asText();
        String johns = api.call("POST", "/users/1/calendar-token", api.john, null).json().get("url").asText();

        var janes = api.call("GET", url, null, null);
        var johnsFeed = api.call("GET", johns, null, null);

        assertThat(janes.status()).isEqualTo(200);
        assertThat(uids(janes.raw().body())).doesNotContain(privateSeries);
        assertThat(uids(johnsFeed.raw().body())).contains(privateSeries);
    }

    @Test
    void aNewFeedAddressRetiresTheOldOne() {
        String old = api.call("POST", "/users/1/calendar-token", api.john, null).json().get("url").asText();
        String fresh = api.call("POST", "/users/1/calendar-token", api.john, null).json().get("url").asText();

        assertThat(api.call("GET", old, null, null).status()).isEqualTo(404);
        assertThat(api.call("GET", fresh, null, null).status()).isEqualTo(200);
    }

    @Test
    void anOccurrenceCanBeCancelledMovedAndTheSeriesSplitOverHttp() {
        createWeeklySeries(1);
        long series = api.call("GET", "/meetings/1/series", api.john, null).json().get(0).get("id").asLong();

        assertThat(api.call("DELETE", "/meetings/1/series/" + series + "/occurrences/2026-01-13T07:00:00Z", ApiServer.ADMIN,
                null).status()).isEqualTo(204);
        var moved = api.call("PUT", "/meetings/1/series/" + series + "/occurrences/2026-01-20T07:00:00Z", ApiServer.ADMIN,
                "{\"from\":\"2026-01-20T12:00:00Z\",\"to\":\"2026-01-20T12:30:00Z\"}");
        var split = api.call("POST", "/meetings/1/series/" + series + "/split", ApiServer.ADMIN,
                "{\"from\":\"2026-01-27T07:00:00Z\",\"durationMinutes\":60}");

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("recurrenceId").asText()).isEqualTo("2026-01-20T07:00:00Z");
        assertThat(split.status()).isEqualTo(201);
        assertThat(split.json().get("durationMinutes").asLong()).isEqualTo(60);
        assertThat(api.call("DELETE", "/meetings/1/series/" + series + "/occurrences/2026-01-14T07:00:00Z", ApiServer.ADMIN,
                null).json().get("detail").asText()).contains("no occurrence starting");
    }
}
