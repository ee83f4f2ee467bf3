package org.convene.series.port;

import java.time.Instant;
import org.convene.model.Acting;
import java.util.List;
import java.util.Optional;
import org.convene.model.MeetingInstance;
import org.convene.model.SeriesLink;
import org.convene.model.TimeWindow;
import org.convene.series.Series;
import org.convene.series.SeriesRule;

/** What recurring series need from storage. Refusals are {@link org.convene.model.RefusedException}s. */
public interface SeriesStore {
    // A change made by hand names who made it ({@code acting}), recorded in the same step; null (the undoing of a
    // change that failed part-way) records nothing.

    /** Makes a series of a meeting (no occurrences yet). */
    Series createSeries(long meetingId, SeriesRule rule, Instant now, Acting acting);

    /** The meeting's series, by id. */
    List<Series> seriesOf(long meetingId);

    /** One series of a meeting, refusing with "Invalid series ID". */
    Series series(long meetingId, long seriesId);

    /** Deletes a series and its occurrences still to come; returns the ids of the instances deleted. */
    List<Long> deleteSeries(long meetingId, long seriesId, Instant now, Acting acting);

    /** Cancels one occurrence (its instance deleted if made; refused once started); returns the instance deleted, if any. */
    Optional<Long> cancelOccurrence(long meetingId, long seriesId, Instant recurrenceId, Instant now, Acting acting);

    /** Gives the series {@code rrule} (which ends before {@code at}) and deletes its made occurrences from {@code at} on. */
    List<Long> cutSeries(long meetingId, long seriesId, String rrule, Instant at, Instant now, Acting acting);

    /** Makes one occurrence as an instance (or returns it when another node made it), refusing an overlap. */
    MeetingInstance makeOccurrence(long meetingId, TimeWindow window, SeriesLink link, Instant now);

    /** Records that occurrences are made up to the one whose original start is {@code until}. */
    void madeUntil(long meetingId, long seriesId, Instant until);

    /** Refuses, naming the instance, if {@code window} would overlap an instance of the meeting. */
    void checkFree(long meetingId, TimeWindow window, Instant now);

    /** Series whose next top-up is due at {@code now}, as (meeting, series) pairs; at most {@code limit}. */
    List<long[]> seriesDue(Instant now, int limit);

    /** Sets when series {@code seriesId} of the meeting is next topped up (or forgets it, when null). */
    void topUpAt(long meetingId, long seriesId, Instant when);
}
