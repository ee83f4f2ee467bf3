package org.convene.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.convene.model.AttendanceReport;
import org.convene.model.Segment;
import org.convene.model.SegmentEnd;

/**
 * An instance's attendance as CSV, one row per segment, for spreadsheets: quoting is Jackson's; a
 * cell a spreadsheet would read as a formula is prefixed with an apostrophe, so that a name such as
 * {@code =HYPERLINK(...)} stays text. A formula starts with {@code = + - @} or their full-width forms
 * ({@code ＝ ＋ － ＠}, which spreadsheets take for them), also behind spaces and invisible characters
 * (a no-break space, a zero-width space, a byte-order mark, a direction control) that a spreadsheet may
 * skip; or with a tab or a carriage return.
 */
public final class AttendanceCsv {
    private static final CsvMapper CSV = new CsvMapper();
    /** = + - @ and their full-width forms. */
    private static final String FORMULA_STARTS = "=+-@\uFF1D\uFF0B\uFF0D\uFF20";
    private static final CsvSchema SCHEMA = CsvSchema.builder().addColumn("instanceId").addColumn("meetingId")
            .addColumn("userId").addColumn("name").addColumn("joinedAt").addColumn("leftAt").addColumn("endedBy")
            .addColumn("seconds").build().withHeader();
    /** The sheet for people ({@code format=people}): their words, no ids. */
    private static final CsvSchema FOR_PEOPLE = CsvSchema.builder().addColumn("Name").addColumn("Guest")
            .addColumn("Joined (UTC)").addColumn("Left (UTC)").addColumn("How it ended").addColumn("Minutes").build()
            .withHeader();

    private AttendanceCsv() {}

    /**
     * How a stretch ended, in the words people use ({@code endedBy} keeps the API's names, {@code timeout} among
     * them, for programs and for sheets made before).
     */
    static String words(SegmentEnd end) {
        if (end == null) return "still inside";
        return switch (end) {
            case LEFT -> "left";
            case TIMEOUT -> "in at the end";
            case REMOVED -> "taken out (no longer in the audience, or user deleted)";
            case REAPED -> "taken out after going quiet";
            case KICKED -> "removed by a host";
            case BANNED -> "banned by a host";
        };
    }

    /**
     * The same segments for people, asked for by name ({@code format=people}): name, guest or not, when they joined
     * and left, how it ended in words, and minutes to a tenth. The default format stays as it was for programs and
     * sheets that read it by position.
     */
    public static String forPeople(AttendanceReport report) {
        List<List<String>> rows = new ArrayList<>();
        Instant until = report.countedUntil();
        for (AttendanceReport.Row row : report.attendees()) {
            for (Segment s : row.attendee().segments()) {
                rows.add(List.of(cell(row.attendee().name()), report.guest(row.attendee().userId()) ? "yes" : "",
                        moment(s.joinedAt()), s.leftAt() == null ? "" : moment(s.leftAt()), words(s.endedBy()),
                        String.format(java.util.Locale.ROOT, "%.1f", s.length(until).toMillis() / 60_000.0)));
            }
        }
        return write(FOR_PEOPLE, rows);
    }

    /** A moment as spreadsheets read it: 2026-01-05 10:00:00. */
    private static String moment(Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace('T', ' ').replace("Z", "");
    }

    private static String write(CsvSchema schema, List<List<String>> rows) {
        try {
            return CSV.writer(schema).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report's segments, in the order of its attendees; an open segment has no leftAt and counts up to now. */
    public static String of(AttendanceReport report) {
        List<List<String>> rows = new ArrayList<>();
        Instant until = report.countedUntil();
        for (AttendanceReport.Row row : report.attendees()) {
            for (Segment s : row.attendee().segments()) {
                rows.add(List.of(Long.toString(report.instance().id()), Long.toString(report.instance().meetingId()),
                        Long.toString(row.attendee().userId()), cell(row.attendee().name()), s.joinedAt().toString(),
                        s.leftAt() == null ? "" : s.leftAt().toString(), s.endedBy() == null ? "" : s.endedBy().wireName(),
                        Long.toString(s.length(until).toSeconds())));
            }
        }
        return write(SCHEMA, rows);
    }

    /** A text cell, made inert for spreadsheets that would evaluate it. */
    static String cell(String text) {
        if (text.isEmpty()) return text;
        if (text.charAt(0) == '\t' || text.charAt(0) == '\r') return "'" + text;
        int start = 0;
        while (start < text.length() && skippable(text.charAt(start))) start++;
        return start < text.length() && FORMULA_STARTS.indexOf(text.charAt(start)) >= 0 ? "'" + text : text;
    }

    /** Whether a spreadsheet may pass over the character before it reads a formula: a space of any kind, or an invisible one. */
    private static boolean skippable(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
    }
}
