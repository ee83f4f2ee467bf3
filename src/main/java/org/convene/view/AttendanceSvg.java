package org.convene.view;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convene.model.AttendanceReport;
import org.convene.model.Segment;
import org.convene.model.SegmentEnd;
import org.convene.model.Wait;
import org.convene.model.WaitedPerson;

/**
 * An instance's attendance as a timeline in plain SVG, for reports, e-mails and the console: one row per person, a
 * bar per stretch inside coloured by what ended it (and named in its title: left, timed out at the end, removed,
 * reaped...), waiting in the lobby as pale bars, the scheduled window shaded and the actual one's edges drawn. Every
 * bar is focusable with a title that says who, from when to when and how it ended; the SVG has a title and a
 * description. Times are UTC. Text is escaped for XML.
 */
public final class AttendanceSvg {
    static final int WIDTH = 800;
    static final int LABEL = 190;
    static final int RIGHT = 16;
    static final int ROW = 28;
    static final int TOP = 56;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** How each end is drawn: colour (each 4.5:1 or more on white) and the words its title uses. */
    private enum Kind {
        LEFT("left", "#1d4ed8", "left"),
        TIMEOUT("timeout", "#047857", "was in at the end"),
        REMOVED("removed", "#6d28d9", "was taken out (audience or user gone)"),
        REAPED("reaped", "#92400e", "was taken out after going quiet"),
        KICKED("kicked", "#b91c1c", "was removed by a host"),
        BANNED("banned", "#9f1239", "was banned by a host"),
        INSIDE("inside", "#1e40af", "is still inside"),
        WAITING("waiting", "#cbd5e1", "waited in the lobby");

        final String wire;
        final String fill;
        final String words;

        Kind(String wire, String fill, String words) {
            this.wire = wire;
            this.fill = fill;
            this.words = words;
        }

        static Kind of(SegmentEnd end) {
            if (end == null) return INSIDE;
            return switch (end) {
                case LEFT -> LEFT;
                case TIMEOUT -> TIMEOUT;
                case REMOVED -> REMOVED;
                case REAPED -> REAPED;
                case KICKED -> KICKED;
                case BANNED -> BANNED;
            };
        }
    }

    private AttendanceSvg() {}

    /**
     * The timeline of {@code report}; {@code title} is the meeting's, for the picture's own title. The rhythm (how many
     * were inside over time) is drawn only for a report of {@code everyone}: from one person's rows it would mislead.
     */
    public static String of(AttendanceReport report, String title, boolean everyone) {
        Instant until = report.countedUntil();
        Instant from = report.instance().from();
        Instant to = report.instance().to().isAfter(until) ? report.instance().to() : until;
        for (WaitedPerson w : report.waited()) {
            for (Wait wait : w.waits()) if (wait.from().isBefore(from)) from = wait.from();
        }
        for (AttendanceReport.Row r : report.attendees()) {
            for (Segment s : r.attendee().segments()) if (s.joinedAt().isBefore(from)) from = s.joinedAt();
        }
        if (!to.isAfter(from)) to = from.plusSeconds(60);
        Scale x = new Scale(from, to);
        List<String> names = new ArrayList<>();
        report.attendees().forEach(r -> names.add(label(r.attendee().name(), report.guest(r.attendee().userId()))));
        List<WaitedPerson> onlyWaited = report.waited().stream()
                .filter(w -> report.attendees().stream().noneMatch(r -> r.attendee().userId() == w.userId())).toList();
        onlyWaited.forEach(w -> names.add(label(w.name(), report.guest(w.userId())) + " (waited only)"));
        int rows = names.size();
        int rhythmTop = TOP + Math.max(rows, 1) * ROW + 40;
        int height = everyone ? rhythmTop + RHYTHM + 48 : rhythmTop + 8;
        String heading = "Attendance of " + title + ", " + DAY.format(report.instance().from());
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-labelledby=\"t d\" font-family=\"system-ui, sans-serif\" font-size=\"13\">\n");
        svg.append("<title id=\"t\">").append(xml(heading)).append("</title>\n");
        svg.append("<desc id=\"d\">").append(xml(description(report, rows))).append("</desc>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append("<text x=\"8\" y=\"20\" font-weight=\"bold\">").append(xml(heading)).append("</text>\n");
        // The scheduled window, shaded behind the rows; the actual window's edges as dashed lines.
        double sx = x.at(report.instance().from());
        svg.append(String.format(Locale.ROOT, "<rect data-window=\"scheduled\" x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" "
                        + "fill=\"#f3f4f6\"><title>Scheduled %s to %s UTC</title></rect>%n", sx, TOP - 6,
                x.at(report.instance().to()) - sx, Math.max(rows, 1) * ROW + 6,
                CLOCK.format(report.instance().from()), CLOCK.format(report.instance().to())));
        if (report.actualFrom() != null) {
            line(svg, "actual-from", x.at(report.actualFrom()), rows);
            if (report.actualTo() != null) line(svg, "actual-to", x.at(report.actualTo()), rows);
        }
        int row = 0;
        for (AttendanceReport.Row r : report.attendees()) {
            String name = names.get(row);
            svg.append("<g data-person=\"").append(r.attendee().userId()).append("\">\n");
            rowLabel(svg, name, row);
            for (WaitedPerson w : report.waited()) {
                if (w.userId() == r.attendee().userId()) waits(svg, x, w, name, row, until);
            }
            for (Segment s : r.attendee().segments()) {
                bar(svg, x, Kind.of(s.endedBy()), s.joinedAt(), s.until(until), name, row);
            }
            svg.append("</g>\n");
            row++;
        }
        for (WaitedPerson w : onlyWaited) {
            svg.append("<g data-person=\"").append(w.userId()).append("\">\n");
            rowLabel(svg, names.get(row), row);
            waits(svg, x, w, names.get(row), row, until);
            svg.append("</g>\n");
            row++;
        }
        if (rows == 0) {
            svg.append("<text x=\"").append(LABEL).append("\" y=\"").append(TOP + 18).append("\">Nobody came.</text>\n");
        }
        axis(svg, x, from, to, TOP + Math.max(rows, 1) * ROW + 18);
        if (everyone) {
            rhythm(svg, x, report, until, rhythmTop);
            axis(svg, x, from, to, rhythmTop + RHYTHM + 18);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** The height of the meeting's rhythm: how many were inside, and waiting, over the instance. */
    static final int RHYTHM = 90;

    /**
     * The meeting's rhythm under the rows: a step line of how many were inside (and a pale one of how many waited in
     * the lobby) over the instance, each path carrying its maximum; leaves count before joins at the same instant, as
     * the report's peak does.
     */
    private static void rhythm(StringBuilder svg, Scale x, AttendanceReport report, Instant until, int top) {
        List<long[]> inside = new ArrayList<>();
        for (AttendanceReport.Row r : report.attendees()) {
            for (Segment segment : r.attendee().segments()) {
                inside.add(new long[] {segment.joinedAt().toEpochMilli(), 1});
                inside.add(new long[] {segment.until(until).toEpochMilli(), -1});
            }
        }
        List<long[]> waiting = new ArrayList<>();
        for (WaitedPerson w : report.waited()) {
            for (Wait wait : w.waits()) {
                waiting.add(new long[] {wait.from().toEpochMilli(), 1});
                waiting.add(new long[] {(wait.to() == null ? until : wait.to()).toEpochMilli(), -1});
            }
        }
        // Inside at most: the report's own peak (the same count, leaves before joins); the lobby's is counted here.
        int insidePeak = report.peakConcurrent();
        int waitingPeak = peak(waiting);
        int most = Math.max(1, Math.max(insidePeak, waitingPeak));
        svg.append("<text x=\"8\" y=\"").append(top + 12).append("\">Inside over time</text>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"8\" y=\"%d\" fill=\"#374151\">most: %d</text>%n", top + 30,
                insidePeak));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#9ca3af\"/>%n",
                LABEL, WIDTH - RIGHT, top + RHYTHM, top + RHYTHM));
        path(svg, x, waiting, waitingPeak, most, top, "waiting", "#94a3b8", "How many waited in the lobby");
        path(svg, x, inside, insidePeak, most, top, "inside", "#1d4ed8", "How many were inside");
    }

    /** The most that were in at once, by {@code steps} (time, +1 or -1). */
    private static int peak(List<long[]> steps) {
        steps.sort(java.util.Comparator.<long[]>comparingLong(st -> st[0]).thenComparingLong(st -> st[1]));
        int now = 0;
        int most = 0;
        for (long[] step : steps) {
            now += (int) step[1];
            most = Math.max(most, now);
        }
        return most;
    }

    private static void path(StringBuilder svg, Scale x, List<long[]> steps, int peak, int most, int top, String series,
                             String stroke, String words) {
        if (steps.isEmpty()) return;
        steps.sort(java.util.Comparator.<long[]>comparingLong(st -> st[0]).thenComparingLong(st -> st[1]));
        StringBuilder d = new StringBuilder();
        int now = 0;
        double y = top + RHYTHM;
        for (long[] step : steps) {
            double at = x.at(Instant.ofEpochMilli(step[0]));
            d.append(d.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.2f %.2f", at, y));
            now += (int) step[1];
            y = top + RHYTHM - (double) now / most * (RHYTHM - 20);
            d.append(String.format(Locale.ROOT, " L%.2f %.2f", at, y));
        }
        svg.append(String.format(Locale.ROOT, "<path data-series=\"%s\" data-max=\"%d\" d=\"%s\" fill=\"none\" "
                + "stroke=\"%s\" stroke-width=\"2\"><title>%s: at most %d at once</title></path>%n", series,
                peak, d, stroke, words, peak));
    }

    private static String label(String name, boolean guest) {
        return (name == null || name.isBlank() ? "(no name)" : name) + (guest ? " (guest)" : "");
    }

    private static String description(AttendanceReport report, int rows) {
        return rows + (rows == 1 ? " person" : " people") + "; " + report.peakConcurrent() + " inside at most. Bars: "
                + "time inside, coloured by how it ended (blue left, green in at the end, red removed by a host, dark red "
                + "banned, purple taken out, brown gone quiet); pale bars: waiting in the lobby. Times UTC.";
    }

    private static void rowLabel(StringBuilder svg, String name, int row) {
        svg.append("<text x=\"8\" y=\"").append(TOP + row * ROW + 17).append("\">").append(xml(ellipsis(name)))
                .append("</text>\n");
    }

    private static void waits(StringBuilder svg, Scale x, WaitedPerson w, String name, int row, Instant until) {
        for (Wait wait : w.waits()) {
            String how = wait.end() == null ? "still waiting" : "then " + wait.end().wireName();
            bar(svg, x, Kind.WAITING, wait.from(), wait.to() == null ? until : wait.to(), name + " waited (" + how + ")",
                    row);
        }
    }

    /** One bar: its kind, person and times in data attributes (for tests and the console) and its title. */
    private static void bar(StringBuilder svg, Scale x, Kind kind, Instant from, Instant to, String who, int row) {
        double left = x.at(from);
        double width = Math.max(1, x.at(to) - left);
        boolean waiting = kind == Kind.WAITING;
        int y = TOP + row * ROW + (waiting ? 8 : 4);
        int h = waiting ? 12 : 20;
        String words = waiting ? who + ", " + CLOCK_SECONDS.format(from) + " to " + CLOCK_SECONDS.format(to) + " UTC"
                : who + ": " + CLOCK_SECONDS.format(from) + " to " + CLOCK_SECONDS.format(to) + " UTC, "
                        + Duration.between(from, to).toMinutes() + " min, " + kind.words;
        svg.append(String.format(Locale.ROOT, "<rect data-kind=\"%s\" data-from=\"%s\" data-to=\"%s\" x=\"%.2f\" y=\"%d\" "
                        + "width=\"%.2f\" height=\"%d\" rx=\"3\" fill=\"%s\" tabindex=\"0\"><title>%s</title></rect>%n",
                kind.wire, from, to, left, y, width, h, kind.fill, xml(words)));
    }

    private static void line(StringBuilder svg, String which, double at, int rows) {
        svg.append(String.format(Locale.ROOT, "<line data-window=\"%s\" x1=\"%.2f\" x2=\"%.2f\" y1=\"%d\" y2=\"%d\" "
                + "stroke=\"#4b5563\" stroke-dasharray=\"4 3\"/>%n", which, at, at, TOP - 8, TOP + Math.max(rows, 1) * ROW));
    }

    /** The time axis: up to six ticks on round minutes. */
    private static void axis(StringBuilder svg, Scale x, Instant from, Instant to, int y) {
        long span = Duration.between(from, to).toMinutes();
        long[] steps = {1, 2, 5, 10, 15, 30, 60, 120, 240, 480, 1440};
        long step = steps[steps.length - 1];
        for (long s : steps) {
            if (span / s <= 6) {
                step = s;
                break;
            }
        }
        long first = (from.getEpochSecond() / 60 + step - 1) / step * step;
        for (long minute = first; minute * 60 <= to.getEpochSecond(); minute += step) {
            Instant tick = Instant.ofEpochSecond(minute * 60);
            double at = x.at(tick);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" x2=\"%.2f\" y1=\"%d\" y2=\"%d\" stroke=\"#4b5563\"/>"
                    + "<text x=\"%.2f\" y=\"%d\" text-anchor=\"middle\" fill=\"#374151\">%s</text>%n", at, at, y - 6, y - 2,
                    at, y + 12, CLOCK.format(tick)));
        }
        svg.append("<text x=\"8\" y=\"").append(y + 12).append("\" fill=\"#374151\">UTC</text>\n");
    }

    private static String ellipsis(String name) {
        return name.codePointCount(0, name.length()) <= 24 ? name
                : name.substring(0, name.offsetByCodePoints(0, 23)) + "…";
    }

    /** Text as XML character data or an attribute value. */
    static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // Characters XML 1.0 cannot hold are left out (a name cannot carry them in, but be sure).
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                            || c >= 0x10000) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    /** Times to x: the chart's span over its width, after the labels. */
    private record Scale(Instant from, Instant to) {
        double at(Instant t) {
            double share = (double) Duration.between(from, t).toMillis() / Duration.between(from, to).toMillis();
            return LABEL + share * (WIDTH - LABEL - RIGHT);
        }
    }
}
