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

    private AttendanceCsv() {}

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
        try {
            return CSV.writer(SCHEMA).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
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
