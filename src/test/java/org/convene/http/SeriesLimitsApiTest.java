package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.convene.series.SeriesRule;
import org.convene.testing.ApiServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a series' rule may cost, over HTTP: a rule outside the limits is answered 400 at once, naming the field,
 * and changes nothing; a series stored before the limits costs little to read. Now is 2026-01-05 10:00 UTC
 * unless a test says otherwise.
 */
class SeriesLimitsApiTest extends ApiServerTest {
    static final Duration AT_ONCE = Duration.ofSeconds(2);
    /** The day before the README's example start, 2026-12-07: where the probe found a huge INTERVAL slow. */
    static final Instant EVE = Instant.parse("2026-12-06T10:00:00Z");

    @BeforeEach
    void seedWorld() {
        api.reset();
    }

    /** POSTs a series of meeting 1 as the administrator. */
    static ApiServer.Response create(String rrule, String start, String timeZone, int minutes) {
        return api.call("POST", "/meetings/1/series", ApiServer.ADMIN, SeriesRequests.json(rrule, start, timeZone, minutes));
    }

    static String meetingOne() {
        return SeriesRequests.meeting(api, 1);
    }

    static void assertRefusedNaming(ApiServer.Response answer, String field, String says) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).startsWith(field + " ").contains(says);
    }

    @Test
    void aHugeIntervalIsRefusedAtOnceNamingIt() {
        api.clock.set(EVE); // lib-recur took seconds (and gave 27 December as the second occurrence) from here
        String before = meetingOne();
        long started = System.nanoTime();

        var answer = create("FREQ=DAILY;INTERVAL=2147483647;COUNT=2", "2026-12-07T09:00", "Europe/Athens", 30);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(AT_ONCE);
        assertRefusedNaming(answer, "rrule", "INTERVAL must be 1 to 366");
        assertThat(meetingOne()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31",
            "FREQ=MONTHLY;BYMONTHDAY=1;BYSETPOS=-366"})
    void aRuleThatNeverOccursIsRefusedAsBadInput(String rrule) {
        var answer = create(rrule, "2026-01-06T09:00", "UTC", 30);

        assertRefusedNaming(answer, "rrule", "");
        assertThat(answer.json().get("detail").asText()).containsPattern("never occurs|no occurrence");
    }

    @Test
    void aRefusedRuleLeavesTheMeetingAsItWas() {
        String before = meetingOne();

        var answer = create("FREQ=DAILY;INTERVAL=2147483647;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,"
                + "21,22,23;BYMINUTE=0,30", "2026-01-06T09:00", "UTC", 30);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(meetingOne()).isEqualTo(before);
        assertThat(api.call("GET", "/meetings/1/series", api.john, null).status()).isEqualTo(200);
    }

    @Test
    void aRuleOfAnOccurrenceEveryMinuteIsRefused() {
        StringBuilder minutes = new StringBuilder("0");
        for (int m = 1; m < 60; m++) minutes.append(',').append(m);

        var answer = create("FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;BYMINUTE="
                + minutes, "2026-01-06T00:00", "UTC", 1);

        assertRefusedNaming(answer, "rrule", "occurrences a day");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC+05:30", "UT+01:00", "UT-03"})
    void aZoneThatIsNotAnIanaNameIsRefused(String zone) {
        assertRefusedNaming(create("FREQ=WEEKLY;COUNT=3", "2026-01-06T09:00", zone, 30), "timeZone", zone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01T09:00", "9999-01-01T09:00", "+10000-01-01T09:00", "-0001-01-01T09:00"})
    void aStartOutsideTheYearsASeriesMayUseIsRefused(String start) {
        assertRefusedNaming(create("FREQ=DAILY", start, "UTC", 30), "start", "2000 to 2200");
    }

    @Test
    void aSplitIsHeldToTheSameLimitsAndARefusedOneChangesNothing() {
        long series = create("FREQ=WEEKLY;BYDAY=TU;COUNT=5", "2026-01-06T09:00", "Europe/Athens", 30).json().get("id").asLong();
        String before = meetingOne();

        var answer = api.call("POST", "/meetings/1/series/" + series + "/split", ApiServer.ADMIN,
                "{\"from\":\"2026-01-20T07:00:00Z\",\"timeZone\":\"UTC+05:30\"}");

        assertRefusedNaming(answer, "timeZone", "UTC+05:30");
        assertThat(meetingOne()).isEqualTo(before);
    }

    @Test
    void aSeriesStoredBeforeTheLimitsCostsLittleToRead() {
        // As the administrator could store it before the limits: an INTERVAL that took lib-recur seconds a read.
        var stored = api.store.series().createSeries(1, new SeriesRule("FREQ=DAILY;INTERVAL=2147483647;COUNT=2",
                LocalDateTime.parse("2026-12-07T09:00"), ZoneId.of("Europe/Athens"), Duration.ofMinutes(30)), ApiServer.T0, null);
        api.clock.set(EVE);
        String feed = api.call("POST", "/users/1/calendar-token", api.john, null).json().get("url").asText();

        for (String read : new String[] {"/meetings/1/series", "/meetings/1/series/" + stored.id(), "/meetings/1/calendar.ics", feed}) {
            assertThat(SeriesRequests.readTime(api, read, api.john)).as(read).isLessThan(SeriesRequests.CHEAP_READ);
        }
    }
}
