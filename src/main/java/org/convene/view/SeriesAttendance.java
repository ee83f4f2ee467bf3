package org.convene.view;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convene.model.AttendanceReport;

/**
 * A series at a glance: attendance per occurrence that has started (who came, how many, the most at once), and each
 * person's record across them (which they came to, and the share), and the trend of how many came, as JSON and as a
 * picture: a row per person, a column per occurrence, a filled mark where they came, a bar per column of how many
 * came and the trend's line across the bars; each column's head links to that occurrence in the console.
 */
public record SeriesAttendance(long seriesId, long meetingId, List<Occurrence> occurrences, List<Person> people,
                               Trend trend) {

    /** One occurrence that has started: its instance, original start, status, how many came and the most at once. */
    public record Occurrence(long instanceId, Instant recurrenceId, Instant start, String status, int attendees,
                             int peakConcurrent) {}

    /** One person across the series: the occurrences they came to, and their share of those shown. */
    public record Person(long userId, String name, List<Long> came, double share) {}

    /**
     * How attendance moves across the ended occurrences shown (three at least; null before): the least-squares line through
     * how many came to each, from its value at the first ({@code first}) to its value at the last ({@code last}), the
     * change per occurrence, and in words: {@code rising}, {@code falling}, or {@code steady} where the line moves less
     * than half a person, or a tenth of the average, over the whole stretch.
     */
    public record Trend(double first, double last, double perOccurrence, String direction) {
        static final int LEAST = 3;

        static Trend of(List<Occurrence> occurrences) {
            int n = occurrences.size();
            if (n < LEAST) return null;
            double meanX = (n - 1) / 2.0;
            double meanY = occurrences.stream().mapToInt(Occurrence::attendees).average().orElse(0);
            double num = 0;
            double den = 0;
            for (int i = 0; i < n; i++) {
                num += (i - meanX) * (occurrences.get(i).attendees() - meanY);
                den += (i - meanX) * (i - meanX);
            }
            double slope = num / den;
            double first = meanY - slope * meanX;
            double last = meanY + slope * meanX;
            double moved = last - first;
            String direction = Math.abs(moved) < Math.max(0.5, meanY / 10) ? "steady" : moved > 0 ? "rising" : "falling";
            return new Trend(round(first), round(last), round(slope), direction);
        }

        private static double round(double value) {
            return Math.round(value * 100) / 100.0;
        }

        /** The trend in words, as the picture says it. */
        String words() {
            if (direction.equals("steady")) return "Trend: steady";
            // A long series can rise by a person over many occurrences: say so rather than "about 0.0 more".
            if (Math.abs(perOccurrence) < 0.05) return "Trend: " + direction + " slowly";
            return String.format(Locale.ROOT, "Trend: %s, about %.1f %s each time", direction, Math.abs(perOccurrence),
                    direction.equals("rising") ? "more" : "fewer");
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** The series' picture from the reports of its occurrences, oldest first. */
    public static SeriesAttendance of(long seriesId, long meetingId, List<AttendanceReport> reports) {
        List<Occurrence> occurrences = new ArrayList<>();
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, List<Long>> came = new LinkedHashMap<>();
        for (AttendanceReport r : reports) {
            var i = r.instance();
            occurrences.add(new Occurrence(i.id(), i.series() == null ? i.from() : i.series().recurrenceId(), i.from(),
                    i.status().wireName(), r.uniqueAttendees(), r.peakConcurrent()));
            for (AttendanceReport.Row row : r.attendees()) {
                names.putIfAbsent(row.attendee().userId(), row.attendee().name());
                came.computeIfAbsent(row.attendee().userId(), k -> new ArrayList<>()).add(i.id());
            }
        }
        List<Person> people = new ArrayList<>();
        came.forEach((user, instances) -> people.add(new Person(user, names.get(user), instances,
                occurrences.isEmpty() ? 0 : Math.round(10_000.0 * instances.size() / occurrences.size()) / 10_000.0)));
        people.sort(java.util.Comparator.comparingDouble(Person::share).reversed().thenComparingLong(Person::userId));
        // The trend is of occurrences that have ended: a live one's count is still growing.
        return new SeriesAttendance(seriesId, meetingId, occurrences, people,
                Trend.of(occurrences.stream().filter(o -> o.status().equals("ended")).toList()));
    }

    /** The picture: people by rows, occurrences by columns, how many came above each column. */
    public String svg(String title) {
        int label = 190;
        int cell = 28;
        int top = 130;
        int width = label + Math.max(1, occurrences.size()) * cell + 20;
        int height = top + Math.max(1, people.size()) * cell + 20;
        int most = occurrences.stream().mapToInt(Occurrence::attendees).max().orElse(0);
        String heading = "Attendance across the series of " + title;
        StringBuilder svg = new StringBuilder(2048);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"group\" aria-labelledby=\"st sd\" font-family=\"system-ui, sans-serif\" font-size=\"13\">\n");
        svg.append("<title id=\"st\">").append(AttendanceSvg.xml(heading)).append("</title>\n");
        svg.append("<desc id=\"sd\">").append(AttendanceSvg.xml(occurrences.size() + " occurrences, " + people.size()
                + " people; a filled square where someone came, bars of how many came to each"
                + (trend == null ? "." : "; " + trend.words() + "."))).append("</desc>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append("<text x=\"8\" y=\"20\" font-weight=\"bold\">").append(AttendanceSvg.xml(heading)).append("</text>\n");
        for (int c = 0; c < occurrences.size(); c++) {
            Occurrence o = occurrences.get(c);
            double x = label + c * cell;
            double barHeight = most == 0 ? 0 : 60.0 * o.attendees() / most;
            svg.append(String.format(Locale.ROOT, "<a href=\"/#/instances/%d\" data-occurrence=\"%d\" data-attendees=\"%d\">"
                            + "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"#1d4ed8\"><title>%s: %d came, "
                            + "at most %d at once (%s)</title></rect>"
                            + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"end\" transform=\"rotate(-60 %.1f %d)\">%s</text></a>%n",
                    o.instanceId(), o.instanceId(), o.attendees(), x + 4, 40 + 60 - barHeight, cell - 8, barHeight,
                    DAY.format(o.start()), o.attendees(), o.peakConcurrent(), o.status(), x + cell / 2.0, top - 6,
                    x + cell / 2.0, top - 6, DAY.format(o.start())));
        }
        if (trend != null && most > 0) {
            // The trend's line across the bars' tops, from the first column's middle to the last's.
            double x1 = label + cell / 2.0;
            double x2 = label + (occurrences.size() - 1) * cell + cell / 2.0;
            svg.append(String.format(Locale.ROOT, "<line data-trend=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                            + "stroke=\"#92400e\" stroke-width=\"2.5\" stroke-dasharray=\"6 3\"><title>%s</title></line>%n"
                            + "<text x=\"8\" y=\"36\" font-size=\"12\" fill=\"#92400e\" data-trend-words=\"%s\">%s</text>%n",
                    trend.direction(), x1, barTop(trend.first(), most), x2, barTop(trend.last(), most), trend.words(),
                    trend.direction(), trend.words()));
        }
        for (int r = 0; r < people.size(); r++) {
            Person p = people.get(r);
            int y = top + r * cell;
            svg.append("<g data-person=\"").append(p.userId()).append("\"><text x=\"8\" y=\"").append(y + 18).append("\">")
                    .append(AttendanceSvg.xml(p.name() + " (" + Math.round(p.share() * 100) + "%)")).append("</text>");
            for (int c = 0; c < occurrences.size(); c++) {
                Occurrence o = occurrences.get(c);
                boolean was = p.came().contains(o.instanceId());
                svg.append(String.format(Locale.ROOT, "<rect data-came=\"%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"3\" "
                                + "fill=\"%s\" stroke=\"#4b5563\"><title>%s %s %s</title></rect>", was, label + c * cell + 5,
                        y + 5, cell - 10, cell - 10, was ? "#047857" : "#ffffff", AttendanceSvg.xml(p.name()),
                        was ? "came on" : "missed", DAY.format(o.start())));
            }
            svg.append("</g>\n");
        }
        if (people.isEmpty()) {
            svg.append("<text x=\"").append(label).append("\" y=\"").append(top + 18).append("\">Nobody came yet.</text>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Where a count's bar would end: the bars stand on y 100 and the most who came reaches y 40; kept inside them. */
    private static double barTop(double count, int most) {
        return 100 - 60.0 * Math.max(0, Math.min(count, most)) / most;
    }
}
