package org.convene.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TimeZone;
import org.convene.model.RefusedException;
import org.convene.model.TimeWindow;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rule limits, without Redis: each bound at its edge, and the bounded expansion against lib-recur's own. */
class RuleLimitsTest {

    static SeriesRule rule(String rrule, int minutes) {
        return SeriesRule.of(rrule, "2026-01-06T09:00", "Europe/Athens", minutes);
    }

    static void assertAccepted(SeriesRule rule) {
        assertThatCode(() -> RuleLimits.check(rule)).doesNotThrowAnyException();
    }

    static void assertRefused(SeriesRule rule, String field, String says) {
        assertThatThrownBy(() -> RuleLimits.check(rule)).isInstanceOf(RefusedException.class)
                .hasMessageStartingWith(field + " ").hasMessageContaining(says);
    }

    @ParameterizedTest
    @CsvSource({"DAILY,366", "WEEKLY,104", "MONTHLY,24", "YEARLY,10"})
    void eachFrequencyHasItsLargestInterval(String freq, int largest) {
        assertAccepted(rule("FREQ=" + freq + ";INTERVAL=" + largest + ";COUNT=3", 30));
        assertRefused(rule("FREQ=" + freq + ";INTERVAL=" + (largest + 1) + ";COUNT=3", 30), "rrule",
                "INTERVAL must be 1 to " + largest + " for FREQ=" + freq);
    }

    @Test
    void aCountIsAtMostAThousand() {
        assertAccepted(rule("FREQ=DAILY;COUNT=1000", 30));
        assertRefused(rule("FREQ=DAILY;COUNT=1001", 30), "rrule", "COUNT must be 1 to 1000");
    }

    @Test
    void anUntilOutsideTheYearsIsRefused() {
        assertRefused(rule("FREQ=WEEKLY;UNTIL=22010101T000000Z", 30), "rrule", "UNTIL must be in the years 2000 to 2200");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FREQ=DAILY;X-NAME=1", "FREQ=DAILY;COUNT=2;COUNT=3",
        "FREQ=DAILY;BYHOUR=9,10;BYMINUTE=0,5;BYSECOND=0,1,2,3,4,5,6"})
    void aPartItMayNotHaveOrTooManyADayIsRefused(String rrule) {
        assertThatThrownBy(() -> RuleLimits.check(rule(rrule, 1))).isInstanceOf(RefusedException.class)
                .hasMessageStartingWith("rrule ");
    }

    @Test
    void occurrencesCloserThanTheirLengthAreRefused() {
        assertAccepted(rule("FREQ=DAILY;BYHOUR=9,10", 60));
        assertRefused(rule("FREQ=DAILY;BYHOUR=9,10", 61), "rrule", "60 minutes apart: they must be at least 61 minutes apart");
    }

    @Test
    void occurrencesCloserThanFiveMinutesAreRefusedHoweverShort() {
        assertRefused(rule("FREQ=DAILY;BYMINUTE=0,3", 1), "rrule", "at least 5 minutes apart");
    }

    @Test
    void twoLocalTimesADaylightSavingChangeMakesOneInstantAreOneOccurrence() {
        // In Athens 03:00 does not exist on 29 March 2026: lib-recur gives 04:00 for it, when the other one starts.
        SeriesRule hourly = SeriesRule.of("FREQ=DAILY;BYHOUR=3,4", "2026-03-28T03:00", "Europe/Athens", 30);

        assertAccepted(hourly);
        assertThat(hourly.between(Instant.EPOCH, Instant.parse("2026-03-30T02:00:00Z"), 10))
                .extracting(SeriesRule.Occurrence::recurrenceId).containsExactly(Instant.parse("2026-03-28T01:00:00Z"),
                        Instant.parse("2026-03-28T02:00:00Z"), Instant.parse("2026-03-29T01:00:00Z"),
                        Instant.parse("2026-03-30T00:00:00Z"), Instant.parse("2026-03-30T01:00:00Z"));
    }

    @Test
    void aFirstOccurrenceMoreThanTenYearsAfterTheStartIsRefused() {
        // The next 29 February that is a Monday after 2026 is in 2044.
        assertRefused(rule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO", 30), "rrule", "no occurrence within 10 years");
    }

    @Test
    void aRuleStoredBeforeTheLimitsIsNotExpandedOnARead() {
        // Expanded, it took lib-recur seconds and gave 2026-12-27 as the second occurrence: INTERVAL overflowed.
        SeriesRule stored = new SeriesRule("FREQ=DAILY;INTERVAL=2147483647;COUNT=2", LocalDateTime.parse("2026-12-07T09:00"),
                ZoneId.of("UTC"), Duration.ofMinutes(30));
        long started = System.nanoTime();

        List<SeriesRule.Occurrence> read = stored.between(Instant.EPOCH, Instant.parse("2200-01-01T00:00:00Z"), 10);

        assertThat(read).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(200));
        assertThat(RuleLimits.expandable(stored)).isFalse();
    }

    @Test
    void anExpansionThatJumpsAheadGivesWhatLibRecurGivesReadingFromTheStart() throws Exception {
        SplittableRandom random = new SplittableRandom(5545);
        String[] rules = {"FREQ=DAILY", "FREQ=DAILY;INTERVAL=3;BYHOUR=8,17", "FREQ=WEEKLY;BYDAY=MO,WE,FR",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "FREQ=WEEKLY;INTERVAL=5;BYDAY=SU;BYHOUR=23;BYMINUTE=30",
            "FREQ=MONTHLY;BYDAY=-1FR", "FREQ=MONTHLY;BYMONTHDAY=31", "FREQ=MONTHLY;INTERVAL=7;BYDAY=MO,TU;BYSETPOS=2",
            "FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1SU", "FREQ=YEARLY;INTERVAL=4;BYYEARDAY=60", "FREQ=DAILY;COUNT=500",
            "FREQ=WEEKLY;BYDAY=SA;UNTIL=20300101T000000Z", "FREQ=MONTHLY;BYMONTHDAY=1,15;COUNT=90"};
        String[] zones = {"UTC", "Europe/Athens", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"};
        for (int i = 0; i < 200; i++) {
            SeriesRule rule = SeriesRule.of(rules[random.nextInt(rules.length)], "2026-0" + (1 + random.nextInt(9)) + "-1"
                    + random.nextInt(10) + "T0" + random.nextInt(10) + ":30", zones[random.nextInt(zones.length)], 15);
            Instant from = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofHours(random.nextLong(24L * 365 * 6)));
            Instant until = from.plus(Duration.ofDays(1 + random.nextInt(200)));

            assertThat(rule.between(from, until, 1000)).as(rule + " from " + from)
                    .containsExactlyElementsOf(fromTheStart(rule, from, until));
        }
    }

    /** lib-recur's expansion read one by one from the rule's start, as it was before any jump ahead. */
    static List<SeriesRule.Occurrence> fromTheStart(SeriesRule rule, Instant from, Instant until) throws Exception {
        LocalDateTime s = rule.start();
        RecurrenceRuleIterator it = new RecurrenceRule(rule.rrule(), RecurrenceRule.RfcMode.RFC5545_STRICT).iterator(
                new DateTime(TimeZone.getTimeZone(rule.zone()), s.getYear(), s.getMonthValue() - 1, s.getDayOfMonth(),
                        s.getHour(), s.getMinute(), s.getSecond()));
        List<SeriesRule.Occurrence> found = new ArrayList<>();
        while (it.hasNext()) {
            Instant at = Instant.ofEpochMilli(it.nextMillis());
            if (!at.isBefore(until)) break;
            if (!at.isBefore(from)) found.add(new SeriesRule.Occurrence(at, new TimeWindow(at, at.plus(rule.length()))));
        }
        return found;
    }
}
