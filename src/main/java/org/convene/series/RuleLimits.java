package org.convene.series;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.convene.model.RefusedException;
import org.convene.series.SeriesRule.Occurrence;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.RecurrenceRule;

/**
 * What a series' rule may cost, decided once when it is made or split and never paid again on a read: FREQ
 * DAILY, WEEKLY, MONTHLY or YEARLY with an INTERVAL of at most 366, 104, 24 or 10; a COUNT of at most 1000;
 * the start and UNTIL in the years 2000 to 2200; at most 24 occurrences a day; an IANA zone name; the first
 * occurrence within 10 years of the start; and over the first year, occurrences at least their duration (and
 * never less than 5 minutes) apart. Expansions read at most {@link #STEPS} occurrences each.
 */
public final class RuleLimits {
    /** The first year a series' start and UNTIL may fall in. */
    public static final int FIRST_YEAR = 2000;
    /** The last year a series' start and UNTIL may fall in. */
    public static final int LAST_YEAR = 2200;
    /** The most occurrences a COUNT may ask for. */
    public static final int MAX_COUNT = 1000;
    /** The most occurrences a day: the values of BYHOUR, BYMINUTE and BYSECOND multiplied. */
    public static final int MAX_PER_DAY = 24;
    /** The least time between two occurrences' starts, however short they are. */
    public static final Duration MIN_GAP = Duration.ofMinutes(5);
    /** How many years after its start a rule's first occurrence must come. */
    public static final int FIRST_WITHIN_YEARS = 10;
    /** The most occurrences one expansion reads: creation, reads, the horizon keeper and the feeds alike. */
    public static final int STEPS = 10_000;
    private static final String YEARS = FIRST_YEAR + " to " + LAST_YEAR;
    /** The longest rule text. */
    public static final int MAX_TEXT = 1000;
    /** Where every expansion stops: a year past the last a start or UNTIL may name, whatever the zone. */
    static final Instant END_OF_YEARS = ZonedDateTime.of(LAST_YEAR + 2, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();
    private static final Map<Freq, Integer> MAX_INTERVAL = new EnumMap<>(Map.of(Freq.DAILY, 366, Freq.WEEKLY, 104,
            Freq.MONTHLY, 24, Freq.YEARLY, 10));
    /** RFC 5545's parts; lib-recur's extensions (RSCALE, SKIP) and X- parts are not published to calendar apps alike. */
    private static final Set<String> PARTS = Set.of("FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST", "BYSECOND", "BYMINUTE",
            "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS");
    /** Zone names both java.time and java.util.TimeZone (which lib-recur expands in) read as the same zone. */
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> TimeZone.getTimeZone(id).getID().equals(id)).collect(Collectors.toUnmodifiableSet());

    private RuleLimits() {}

    /** Refuses, naming the field, a rule outside the limits: its zone, start and text, then its first occurrences. */
    public static void check(SeriesRule rule) {
        checkText(rule);
        ZonedDateTime start = rule.start().atZone(rule.zone());
        Expansion first = Expansion.of(rule, start.toInstant(), start.plusYears(FIRST_WITHIN_YEARS).toInstant(), 1, STEPS);
        if (first.end() == Expansion.End.GAVE_UP) {
            throw RefusedException.invalid("rrule", "cannot be expanded: it never occurs, or too rarely (" + first.why() + ")");
        }
        if (first.found().isEmpty()) {
            throw RefusedException.invalid("rrule", "has no occurrence within " + FIRST_WITHIN_YEARS + " years of start "
                    + rule.start());
        }
        Instant from = first.found().get(0).recurrenceId();
        requireApart(Expansion.of(rule, from, from.plus(Duration.ofDays(366)), STEPS, STEPS).found(), rule.length());
    }

    /** Whether a stored rule is within the limits that need no expansion: one that is not is never expanded. */
    public static boolean expandable(SeriesRule rule) {
        try {
            checkText(rule);
            return true;
        } catch (RefusedException outside) {
            return false;
        }
    }

    /** Refuses occurrences (in order) that start closer together than their length, or than {@link #MIN_GAP}. */
    static void requireApart(List<Occurrence> occurrences, Duration length) {
        Duration least = length.compareTo(MIN_GAP) > 0 ? length : MIN_GAP;
        for (int i = 1; i < occurrences.size(); i++) {
            Instant a = occurrences.get(i - 1).recurrenceId();
            Instant b = occurrences.get(i).recurrenceId();
            if (Duration.between(a, b).compareTo(least) < 0) {
                throw RefusedException.invalid("rrule", "gives occurrences starting " + a + " and " + b + ", "
                        + Duration.between(a, b).toMinutes() + " minutes apart: they must be at least " + least.toMinutes()
                        + " minutes apart (each lasts durationMinutes, and never less than " + MIN_GAP.toMinutes() + ")");
            }
        }
    }

    /** The limits that need no expansion: the zone, the start's year, and the rule's parts and their values. */
    private static void checkText(SeriesRule rule) {
        if (!ZONES.contains(rule.zone().getId())) {
            throw RefusedException.invalid("timeZone", "must be an IANA zone name such as Europe/Athens, was '"
                    + rule.zone().getId() + "'");
        }
        if (!inYears(rule.start().getYear())) {
            throw RefusedException.invalid("start", "must be in the years " + YEARS + ", was " + rule.start());
        }
        if (rule.rrule().length() > MAX_TEXT) {
            throw RefusedException.invalid("rrule", "must be at most " + MAX_TEXT + " characters, was " + rule.rrule().length());
        }
        Map<String, String> parts = parts(rule.rrule());
        RecurrenceRule parsed = rule.recurrence();
        int most = MAX_INTERVAL.get(parsed.getFreq()); // SeriesRule allows no other FREQ
        int interval = parsed.getInterval();
        if (interval < 1 || interval > most) {
            throw RefusedException.invalid("rrule", "INTERVAL must be 1 to " + most + " for FREQ=" + parsed.getFreq()
                    + ", was " + parts.getOrDefault("INTERVAL", Integer.toString(interval)));
        }
        Integer count = parsed.getCount();
        if (count != null && (count < 1 || count > MAX_COUNT)) {
            throw RefusedException.invalid("rrule", "COUNT must be 1 to " + MAX_COUNT + ", was " + parts.get("COUNT"));
        }
        DateTime until = parsed.getUntil();
        if (until != null && !inYears(until.getYear())) {
            throw RefusedException.invalid("rrule", "UNTIL must be in the years " + YEARS + ", was " + parts.get("UNTIL"));
        }
        long perDay = values(parts, "BYHOUR") * values(parts, "BYMINUTE") * values(parts, "BYSECOND");
        if (perDay > MAX_PER_DAY) {
            throw RefusedException.invalid("rrule", "gives up to " + perDay + " occurrences a day (the values of BYHOUR, "
                    + "BYMINUTE and BYSECOND multiplied); at most " + MAX_PER_DAY + " are allowed");
        }
    }

    private static boolean inYears(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** The rule's parts by name, refusing a part RFC 5545 does not have or one given twice. */
    private static Map<String, String> parts(String rrule) {
        Map<String, String> parts = new HashMap<>();
        for (String part : rrule.split(";")) {
            if (part.isBlank()) continue;
            int equals = part.indexOf('=');
            String name = (equals < 0 ? part : part.substring(0, equals)).strip().toUpperCase(Locale.ROOT);
            if (!PARTS.contains(name)) {
                throw RefusedException.invalid("rrule", "may have only the parts " + PARTS.stream().sorted()
                        .collect(Collectors.joining(", ")) + "; had '" + name + "'");
            }
            if (parts.put(name, equals < 0 ? "" : part.substring(equals + 1).strip()) != null) {
                throw RefusedException.invalid("rrule", "has " + name + " twice");
            }
        }
        return parts;
    }

    private static long values(Map<String, String> parts, String name) {
        String list = parts.get(name);
        return list == null ? 1 : Math.max(1, Arrays.stream(list.split(",")).map(String::strip).filter(v -> !v.isEmpty())
                .distinct().count());
    }
}
