package org.convene.series;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.convene.model.Refusal;
import org.convene.model.TimeWindow;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * How a series repeats: an RFC 5545 rule ({@code FREQ=WEEKLY;BYDAY=MO,WE;COUNT=20}), the first
 * occurrence's start as a local date-time in an IANA time zone, and each occurrence's length. The rule
 * is expanded by lib-recur in that zone, so a 09:00 meeting stays at 09:00 local across daylight-saving
 * changes. Refuses what it cannot honour, naming the field.
 */
public record SeriesRule(String rrule, LocalDateTime start, ZoneId zone, Duration length) {
    /** How far ahead occurrences exist as instances: the next 60 days, at most 50 of them. */
    public static final Duration HORIZON = Duration.ofDays(60);
    public static final int HORIZON_COUNT = 50;
    private static final Duration LONGEST = Duration.ofHours(24);

    public SeriesRule {
        if (rrule == null || rrule.isBlank()) throw Refusal.INVALID_INPUT.refuse("rrule is required");
        rrule = rrule.strip();
        if (rrule.toUpperCase(Locale.ROOT).startsWith("RRULE:")) rrule = rrule.substring(6);
        if (start == null) throw Refusal.INVALID_INPUT.refuse("start is required");
        if (zone == null) throw Refusal.INVALID_INPUT.refuse("timeZone is required");
        if (length == null || length.compareTo(Duration.ofMinutes(1)) < 0 || length.compareTo(LONGEST) > 0) {
            throw Refusal.INVALID_INPUT.refuse("durationMinutes must be from 1 to 1440");
        }
        RecurrenceRule parsed = parse(rrule);
        String freq = parsed.getFreq().name();
        if (freq.equals("SECONDLY") || freq.equals("MINUTELY") || freq.equals("HOURLY")) {
            throw Refusal.INVALID_INPUT.refuse("rrule: FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY, was " + freq);
        }
    }

    /** Reads the API's fields, refusing a start or zone that does not parse. */
    public static SeriesRule of(String rrule, String start, String timeZone, Integer durationMinutes) {
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(start == null ? "" : start.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.INVALID_INPUT.refuse("start must be a local date-time such as 2026-12-07T09:00, was '" + start + "'");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone == null ? "" : timeZone.strip());
        } catch (DateTimeException e) {
            throw Refusal.INVALID_INPUT.refuse("timeZone must be an IANA zone such as Europe/Athens, was '" + timeZone + "'");
        }
        if (durationMinutes == null) throw Refusal.INVALID_INPUT.refuse("durationMinutes is required");
        return new SeriesRule(rrule, local, zone, Duration.ofMinutes(durationMinutes));
    }

    /** The occurrences starting at or after {@code from} and before {@code until}, at most {@code max}, in order. */
    public List<Occurrence> between(Instant from, Instant until, int max) {
        List<Occurrence> found = new ArrayList<>();
        RecurrenceRuleIterator it = parse(rrule).iterator(new DateTime(TimeZone.getTimeZone(zone), start.getYear(),
                start.getMonthValue() - 1, start.getDayOfMonth(), start.getHour(), start.getMinute(), start.getSecond()));
        // An open-ended rule is read only as far as needed; a safety bound keeps a sparse rule from running forever.
        for (int read = 0; it.hasNext() && found.size() < max && read < 100_000; read++) {
            Instant at = Instant.ofEpochMilli(it.nextMillis());
            if (!at.isBefore(until)) break;
            if (!at.isBefore(from)) found.add(new Occurrence(at, new TimeWindow(at, at.plus(length))));
        }
        return found;
    }

    /** Whether the rule ends (COUNT or UNTIL). */
    public boolean bounded() {
        return !parse(rrule).isInfinite();
    }

    private static RecurrenceRule parse(String rrule) {
        try {
            return new RecurrenceRule(rrule, RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException | IllegalArgumentException e) {
            throw Refusal.INVALID_INPUT.refuse("rrule is not an RFC 5545 rule: " + e.getMessage());
        }
    }

    /** One occurrence: its original start (its recurrence id, kept when it is moved) and its window. */
    public record Occurrence(Instant recurrenceId, TimeWindow window) {
    }
}
