package org.convene.series;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;
import org.convene.model.TimeWindow;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;

/**
 * How a series repeats: an RFC 5545 rule ({@code FREQ=WEEKLY;BYDAY=MO,WE;COUNT=20}), the first
 * occurrence's start as a local date-time in an IANA time zone, and each occurrence's length. The rule
 * is expanded by lib-recur in that zone, so a 09:00 meeting stays at 09:00 local across daylight-saving
 * changes. Refuses what it cannot honour, naming the field. What a rule may cost is {@link RuleLimits}', checked
 * when a series is made rather than here: a rule stored before those limits must still be read (and is then
 * not expanded).
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
            throw RefusedException.invalid("rrule", "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY, was " + freq);
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

    /**
     * The occurrences starting at or after {@code from} and before {@code until}, at most {@code max}, in order: at
     * most {@link RuleLimits#STEPS} read, and none of a rule stored before the limits that exceeds them.
     */
    public List<Occurrence> between(Instant from, Instant until, int max) {
        if (!RuleLimits.expandable(this)) return List.of();
        return Expansion.of(this, from, until, max, RuleLimits.STEPS).found();
    }

    /** Whether the rule ends (COUNT or UNTIL). */
    public boolean bounded() {
        return !parse(rrule).isInfinite();
    }

    /** The rule as lib-recur reads it (a fresh one: lib-recur's rules are mutable). */
    RecurrenceRule recurrence() {
        return parse(rrule);
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
