package org.convene.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The calendar in a real headless Chromium in New York's time zone: a weekly series late on Mondays shows its occurrence
 * a hundred days ahead, past the change to daylight time, on the Monday at its local time (not on the Tuesday its UTC
 * time falls on), in the week and the month view; an occurrence scheduled elsewhere appears without a reload.
 */
@Tag("browser")
class CalendarConsoleTest extends ConsoleScenarios {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private Browser newYorker(String name, int width, int height, String token) {
        return signedIn(name, width, height, "America/New_York", token);
    }

    /** A public meeting with a weekly series on Mondays at 23:30 in New York, from next Monday. */
    private static long lateMondays(String title) {
        JsonNode meeting = server.call("POST", "/meetings", ConsoleServer.ADMIN, "{\"title\":\"" + title + "\",\"isPublic\":true}");
        LocalDate first = ZonedDateTime.ofInstant(server.now(), NEW_YORK).toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        server.call("POST", "/meetings/" + meeting.get("id").asLong() + "/series", ConsoleServer.ADMIN,
                "{\"rrule\":\"FREQ=WEEKLY;BYDAY=MO\",\"start\":\"" + first + "T23:30\",\"timeZone\":\"America/New_York\","
                        + "\"durationMinutes\":30}");
        return meeting.get("id").asLong();
    }

    @Test
    void anOccurrenceAHundredDaysAheadIsOnItsLocalDayAcrossTheChangeToDaylightTime() {
        long meeting = lateMondays("Late call");
        // The first Monday at least a hundred days ahead with New York's clocks changed since now (in winter, that
        // Monday itself; at other times of year a later one).
        ZonedDateTime now = ZonedDateTime.ofInstant(server.now(), NEW_YORK);
        LocalDate monday = now.toLocalDate().plusDays(100).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        while (ZonedDateTime.of(monday, LocalTime.of(23, 30), NEW_YORK).getOffset().equals(now.getOffset())) {
            monday = monday.plusWeeks(1);
        }
        ZonedDateTime local = ZonedDateTime.of(monday, LocalTime.of(23, 30), NEW_YORK);
        ConsoleServer.Account ann = server.createUser("Ann Calendar", "ann.calendar@example.com");
        Browser browser = newYorker("ann", 1280, 900, ann.token());

        browser.open(server.url() + "/#/calendar/" + monday);
        String day = monday.toString();
        String css = "li[data-day='" + day + "'] li[data-meeting='" + meeting + "']";
        browser.waitUntil(PATIENT, d -> !browser.all(css).isEmpty());

        assertThat(browser.all(css).get(0).getAttribute("data-start")).isEqualTo(local.toInstant().toString());
        assertThat(browser.all(css).get(0).getAttribute("data-status")).isEqualTo("not_yet");
        assertThat(browser.texts(css).get(0)).contains("11:30").contains("Late call").contains("planned");
        assertThat(browser.all("li[data-day='" + LocalDate.parse(day).plusDays(1) + "'] li[data-meeting='" + meeting + "']")).isEmpty();
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();

        browser.click("calendar-month");
        browser.waitUntil(PATIENT, d -> browser.find("calendar-grid").getAttribute("class").contains("month")
                && !browser.all(css).isEmpty());
        assertThat(browser.all("#calendar-grid > li").size()).isBetween(28, 42);
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void anOccurrenceScheduledElsewhereAppearsWithoutAReloadAndWorksOnAPhone() {
        ConsoleServer.Account bo = server.createUser("Bo Calendar", "bo.calendar@example.com");
        Browser phone = newYorker("bo", 390, 844, bo.token());
        phone.click("nav-calendar");
        phone.waitUntil(PATIENT, d -> phone.find("calendar").isDisplayed());
        JsonNode meeting = server.call("POST", "/meetings", ConsoleServer.ADMIN, "{\"title\":\"Standup soon\",\"isPublic\":true}");
        java.time.Instant from = server.now().plus(Duration.ofMinutes(2));

        server.call("POST", "/meetings/" + meeting.get("id").asLong() + "/instances", ConsoleServer.ADMIN,
                "{\"from\":\"" + from + "\",\"to\":\"" + from.plus(Duration.ofMinutes(30)) + "\"}");

        String css = "li[data-meeting='" + meeting.get("id").asLong() + "'] a";
        phone.waitUntil(PATIENT, d -> !phone.all(css).isEmpty());
        assertThat(phone.all(css).get(0).getAttribute("href")).contains("#/instances/");
        assertThat(phone.seriousAccessibilityViolations()).isEmpty();
    }
}
