package org.convene.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.convene.model.RefusedException;
import org.junit.jupiter.api.Test;

class SeriesRuleTest {
    static final Instant FAR = Instant.parse("2030-01-01T00:00:00Z");

    static List<Instant> starts(SeriesRule rule) {
        return rule.between(Instant.EPOCH, FAR, 1000).stream().map(SeriesRule.Occurrence::recurrenceId).toList();
    }

    @Test
    void aWeeklyRuleOnTwoDaysStopsAtItsCount() {
        SeriesRule rule = SeriesRule.of("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=5", "2026-12-07T09:00", "UTC", 30);

        assertThat(starts(rule)).containsExactly(Instant.parse("2026-12-07T09:00:00Z"), Instant.parse("2026-12-09T09:00:00Z"),
                Instant.parse("2026-12-14T09:00:00Z"), Instant.parse("2026-12-16T09:00:00Z"), Instant.parse("2026-12-21T09:00:00Z"));
        assertThat(rule.bounded()).isTrue();
    }

    @Test
    void aMonthlyRuleStopsAtItsUntil() {
        SeriesRule rule = SeriesRule.of("FREQ=MONTHLY;BYMONTHDAY=15;UNTIL=20270415T000000Z", "2026-12-15T10:00", "Europe/Berlin", 60);

        assertThat(starts(rule)).containsExactly(Instant.parse("2026-12-15T09:00:00Z"), Instant.parse("2027-01-15T09:00:00Z"),
                Instant.parse("2027-02-15T09:00:00Z"), Instant.parse("2027-03-15T09:00:00Z"));
    }

    @Test
    void anOccurrenceKeepsItsLocalTimeAcrossADaylightSavingChange() {
        SeriesRule rule = SeriesRule.of("FREQ=WEEKLY;BYDAY=MO;COUNT=3", "2026-10-19T09:00", "Europe/Athens", 30);

        List<Instant> starts = starts(rule);

        assertThat(starts).containsExactly(Instant.parse("2026-10-19T06:00:00Z"), Instant.parse("2026-10-26T07:00:00Z"),
                Instant.parse("2026-11-02T07:00:00Z"));
        assertThat(starts).allSatisfy(s -> assertThat(LocalDateTime.ofInstant(s, ZoneId.of("Europe/Athens")).getHour()).isEqualTo(9));
    }

    @Test
    void anOpenEndedRuleIsReadOnlyAsFarAsAsked() {
        SeriesRule rule = SeriesRule.of("FREQ=DAILY", "2026-01-01T08:00", "UTC", 15);

        assertThat(rule.between(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-04T00:00:00Z"), 100)).hasSize(3);
        assertThat(rule.between(Instant.parse("2026-03-01T00:00:00Z"), FAR, 50)).hasSize(50);
        assertThat(rule.bounded()).isFalse();
    }

    @Test
    void eachOccurrenceLastsTheSeriesLength() {
        SeriesRule rule = SeriesRule.of("FREQ=DAILY;COUNT=1", "2026-01-01T08:00", "UTC", 45);

        assertThat(rule.between(Instant.EPOCH, FAR, 10).get(0).window().to())
                .isEqualTo(Instant.parse("2026-01-01T08:00:00Z").plus(Duration.ofMinutes(45)));
    }

    @Test
    void badFieldsAreRefusedByName() {
        assertThatThrownBy(() -> SeriesRule.of("FREQ=SOMETIMES", "2026-01-01T08:00", "UTC", 30))
                .isInstanceOf(RefusedException.class).hasMessageStartingWith("rrule");
        assertThatThrownBy(() -> SeriesRule.of("FREQ=HOURLY", "2026-01-01T08:00", "UTC", 30)).hasMessageContaining("FREQ must be");
        assertThatThrownBy(() -> SeriesRule.of("FREQ=DAILY", "tomorrow", "UTC", 30)).hasMessageStartingWith("start");
        assertThatThrownBy(() -> SeriesRule.of("FREQ=DAILY", "2026-01-01T08:00", "Mars/Olympus", 30)).hasMessageStartingWith("timeZone");
        assertThatThrownBy(() -> SeriesRule.of("FREQ=DAILY", "2026-01-01T08:00", "UTC", 0)).hasMessageStartingWith("durationMinutes");
    }
}
