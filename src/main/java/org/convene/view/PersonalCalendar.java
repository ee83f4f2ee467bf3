package org.convene.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.convene.core.Calendars.MeetingCalendar;
import org.convene.model.MeetingInstance;
import org.convene.series.Series;
import org.convene.series.SeriesRule.Occurrence;

/**
 * What a person's calendar shows between two instants: the instances of every meeting they may join, and the
 * occurrences its series' rules give that are not made yet ({@code not_yet}: beyond the 60 days instances are made
 * ahead) or were cancelled ({@code cancelled}); a made occurrence is its instance, at the time it was moved to if it was.
 * Sorted by start. The console's week and month views draw it.
 */
public record PersonalCalendar(Instant from, Instant to, List<Entry> entries) {
    /** At most this many entries a request: a month of a busy organisation. */
    public static final int MAX_ENTRIES = 2_000;

    /** One entry: the meeting, when, its status, and its instance, series and recurrence id where it has them. */
    public record Entry(long meetingId, String title, Instant start, Instant end, String status, Long instanceId,
                        Long seriesId, Instant recurrenceId) {}

    /** The calendar of {@code meetings} between {@code from} and {@code to}. */
    public static PersonalCalendar of(List<MeetingCalendar> meetings, Instant from, Instant to) {
        List<Entry> entries = new ArrayList<>();
        for (MeetingCalendar m : meetings) {
            String title = m.meeting().details().title();
            for (MeetingInstance i : m.instances()) {
                if (i.window().to().isAfter(from) && i.window().from().isBefore(to)) {
                    entries.add(new Entry(m.meeting().id(), title, i.window().from(), i.window().to(),
                            i.status().wireName(), i.id(), i.series() == null ? null : i.series().seriesId(), null));
                }
            }
            for (Series s : m.series()) {
                for (Occurrence o : s.rule().between(from, to, MAX_ENTRIES)) {
                    boolean cancelled = s.cancelled().contains(o.recurrenceId());
                    if (!cancelled && s.occurrences().containsKey(o.recurrenceId())) continue;
                    entries.add(new Entry(m.meeting().id(), title, o.window().from(), o.window().to(),
                            cancelled ? "cancelled" : "not_yet", null, s.id(), o.recurrenceId()));
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::start).thenComparing(Entry::meetingId));
        return new PersonalCalendar(from, to, entries.size() > MAX_ENTRIES ? entries.subList(0, MAX_ENTRIES) : entries);
    }
}
