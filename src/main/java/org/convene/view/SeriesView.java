package org.convene.view;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.convene.series.Recurrences;
import org.convene.series.Series;

/** A series as the API and the command line show it: its rule, the occurrences made and those to come. */
public record SeriesView(long id, long meetingId, String rrule, LocalDateTime start, String timeZone, long durationMinutes,
                         long sequence, Instant createdAt, List<Made> occurrences, List<Coming> upcoming) {

    /** An occurrence made as an instance. */
    public record Made(Instant recurrenceId, long instanceId) {
    }

    /** An occurrence the rule gives in the next 90 days, made or not yet. */
    public record Coming(Instant start, Instant end) {
    }

    /** The series as shown at {@code now}: its next 20 occurrences within 90 days, read within the rule limits. */
    public static SeriesView of(Series s, Instant now) {
        return new SeriesView(s.id(), s.meetingId(), s.rule().rrule(), s.rule().start(), s.rule().zone().getId(),
                s.rule().length().toMinutes(), s.sequence(), s.createdAt(),
                s.occurrences().entrySet().stream().map(e -> new Made(e.getKey(), e.getValue())).toList(),
                Recurrences.upcoming(s, now, 90, 20).stream()
                        .map(o -> new Coming(o.window().from(), o.window().to())).toList());
    }
}
