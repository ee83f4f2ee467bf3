package org.convene.view;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.convene.core.Calendars;
import org.convene.model.Meeting;
import org.convene.model.MeetingInstance;
import org.convene.series.RuleLimits;
import org.convene.series.Series;
import org.convene.series.SeriesRule;

/**
 * A meeting as an iCalendar (RFC 5545) feed: each series one VEVENT with its RRULE in its own zone (so
 * calendar apps repeat it right across daylight-saving changes), its occurrences that were moved as
 * RECURRENCE-ID overrides and those made and then removed as EXDATEs; each instance of no series (or of one
 * stored before the rule limits that exceeds them) a VEVENT of its own. UIDs are stable; SEQUENCE is the
 * series'. Lines are folded at 75 octets and text escaped.
 */
public final class CalendarFeed {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final String DOMAIN = "convene";
    /** How far back from the last occurrence made the feed looks for occurrences made and then removed. */
    private static final Duration EXDATE_SPAN = Duration.ofDays(400);

    private CalendarFeed() {}

    /** The feed of one meeting, its series and its instances, stamped {@code now}. */
    public static String of(Meeting meeting, List<Series> series, List<MeetingInstance> instances, Instant now) {
        return of(meeting.details().title(), List.of(new Calendars.MeetingCalendar(meeting, series, instances)), now);
    }

    /** One feed of several meetings, named {@code name}: a user's feed. */
    public static String of(String name, List<Calendars.MeetingCalendar> meetings, Instant now) {
        Writer out = new Writer();
        out.line("BEGIN:VCALENDAR");
        out.line("VERSION:2.0");
        out.line("PRODID:-//Convene//Convene meetings//EN");
        out.line("CALSCALE:GREGORIAN");
        out.line("METHOD:PUBLISH");
        out.line("X-WR-CALNAME:" + text(name));
        meetings.stream().flatMap(c -> c.series().stream()).filter(s -> RuleLimits.expandable(s.rule()))
                .map(s -> s.rule().zone()).distinct()
                .sorted(Comparator.comparing(ZoneId::getId)).forEach(zone -> timeZone(out, zone));
        for (var calendar : meetings) meeting(out, calendar.meeting(), calendar.series(), calendar.instances(), now);
        out.line("END:VCALENDAR");
        return out.toString();
    }

    private static void meeting(Writer out, Meeting meeting, List<Series> series, List<MeetingInstance> instances, Instant now) {
        // A series stored before the rule limits that exceeds them is not given to calendar apps to expand either:
        // its occurrences made stand alone.
        List<Series> published = series.stream().filter(s -> RuleLimits.expandable(s.rule())).toList();
        for (Series s : published) write(out, meeting, s, instances, now);
        Set<Long> shown = new HashSet<>();
        published.forEach(s -> shown.add(s.id()));
        for (MeetingInstance i : instances) {
            // An occurrence is its series' (as a RECURRENCE-ID where it moved); one of a deleted series stands alone.
            if (i.series() != null && shown.contains(i.series().seriesId())) continue;
            out.line("BEGIN:VEVENT");
            out.line("UID:instance-" + i.id() + "@" + DOMAIN);
            out.line("DTSTAMP:" + UTC.format(now));
            out.line("DTSTART:" + UTC.format(i.from()));
            out.line("DTEND:" + UTC.format(i.to()));
            out.line("SEQUENCE:0");
            summary(out, meeting);
            out.line("END:VEVENT");
        }
    }

    private static void write(Writer out, Meeting meeting, Series s, List<MeetingInstance> instances, Instant now) {
        SeriesRule rule = s.rule();
        String uid = "series-" + s.id() + "-meeting-" + meeting.id() + "@" + DOMAIN;
        out.line("BEGIN:VEVENT");
        out.line("UID:" + uid);
        out.line("DTSTAMP:" + UTC.format(now));
        out.line("DTSTART;TZID=" + rule.zone().getId() + ":" + LOCAL.format(rule.start()));
        out.line("DURATION:" + rule.length());
        out.line("RRULE:" + rule.rrule());
        // Occurrences made and then removed (cancelled, or skipped for a conflict) are exceptions to the rule.
        Set<Instant> removed = new TreeSet<>();
        if (s.madeUntil() != null) {
            // Only what was made since the series was can have been removed; of that, the last EXDATE_SPAN is looked
            // at, so that a feed costs the same however old its series are.
            Instant from = Collections.max(List.of(rule.start().atZone(rule.zone()).toInstant(), s.createdAt(),
                    s.madeUntil().minus(EXDATE_SPAN)));
            for (SeriesRule.Occurrence o : rule.between(from, s.madeUntil().plusMillis(1), RuleLimits.STEPS)) {
                if (!s.occurrences().containsKey(o.recurrenceId())) removed.add(o.recurrenceId());
            }
        }
        removed.addAll(s.cancelled());
        for (Instant r : removed) out.line("EXDATE;TZID=" + rule.zone().getId() + ":" + local(r, rule));
        out.line("SEQUENCE:" + s.sequence());
        summary(out, meeting);
        out.line("END:VEVENT");
        for (MeetingInstance i : instances) {
            if (i.series() == null || i.series().seriesId() != s.id()) continue;
            Instant original = i.series().recurrenceId();
            if (i.from().equals(original) && i.to().equals(original.plus(rule.length()))) continue;
            out.line("BEGIN:VEVENT");
            out.line("UID:" + uid);
            out.line("DTSTAMP:" + UTC.format(now));
            out.line("RECURRENCE-ID;TZID=" + rule.zone().getId() + ":" + local(original, rule));
            out.line("DTSTART:" + UTC.format(i.from()));
            out.line("DTEND:" + UTC.format(i.to()));
            out.line("SEQUENCE:" + s.sequence());
            summary(out, meeting);
            out.line("END:VEVENT");
        }
    }

    /**
     * A VTIMEZONE for a zone the feed names (RFC 5545 wants one per TZID): its standard and daylight
     * observances by the zone's present yearly rules, or its one offset when it has none.
     */
    private static void timeZone(Writer out, ZoneId zone) {
        var rules = zone.getRules();
        out.line("BEGIN:VTIMEZONE");
        out.line("TZID:" + zone.getId());
        if (rules.getTransitionRules().isEmpty()) {
            String offset = offset(rules.getStandardOffset(Instant.EPOCH.plus(Duration.ofDays(365 * 56))));
            out.line("BEGIN:STANDARD");
            out.line("DTSTART:19700101T000000");
            out.line("TZOFFSETFROM:" + offset);
            out.line("TZOFFSETTO:" + offset);
            out.line("END:STANDARD");
        }
        for (var rule : rules.getTransitionRules()) {
            boolean daylight = rule.getOffsetAfter().getTotalSeconds() > rule.getStandardOffset().getTotalSeconds();
            var first = rule.createTransition(1970);
            String day = rule.getDayOfWeek() == null ? "" : rule.getDayOfWeek().name().substring(0, 2);
            int indicator = rule.getDayOfMonthIndicator();
            String when = rule.getDayOfWeek() == null ? "BYMONTHDAY=" + indicator
                    : indicator < 0 ? "BYDAY=-1" + day
                    : "BYMONTHDAY=" + indicator + "," + (indicator + 1) + "," + (indicator + 2) + "," + (indicator + 3) + ","
                            + (indicator + 4) + "," + (indicator + 5) + "," + (indicator + 6) + ";BYDAY=" + day;
            out.line("BEGIN:" + (daylight ? "DAYLIGHT" : "STANDARD"));
            out.line("DTSTART:" + LOCAL.format(first.getDateTimeBefore()));
            out.line("TZOFFSETFROM:" + offset(rule.getOffsetBefore()));
            out.line("TZOFFSETTO:" + offset(rule.getOffsetAfter()));
            out.line("RRULE:FREQ=YEARLY;BYMONTH=" + rule.getMonth().getValue() + ";" + when);
            out.line("END:" + (daylight ? "DAYLIGHT" : "STANDARD"));
        }
        out.line("END:VTIMEZONE");
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int minutes = Math.abs(seconds) / 60;
        return (seconds < 0 ? "-" : "+") + String.format("%02d%02d", minutes / 60, minutes % 60);
    }

    private static String local(Instant at, SeriesRule rule) {
        return LOCAL.format(LocalDateTime.ofInstant(at, rule.zone()));
    }

    private static void summary(Writer out, Meeting meeting) {
        out.line("SUMMARY:" + text(meeting.details().title()));
        if (!meeting.details().description().isEmpty()) out.line("DESCRIPTION:" + text(meeting.details().description()));
    }

    /** TEXT as RFC 5545 escapes it. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
                .replace("\r", "\\n");
    }

    /** Content lines ended by CRLF and folded at 75 octets, never inside a UTF-8 character. */
    private static final class Writer {
        private final StringBuilder out = new StringBuilder();

        void line(String content) {
            int octets = 0;
            int limit = 75;
            for (int i = 0; i < content.length(); ) {
                int cp = content.codePointAt(i);
                int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > limit) {
                    out.append("\r\n ");
                    octets = 1;
                    limit = 75;
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
