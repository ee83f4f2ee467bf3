package org.convene.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.convene.model.TimeWindow;
import org.convene.series.SeriesRule.Occurrence;
import org.convene.series.Series;

/**
 * A series' occurrences in a range, as its rule gives them whether made or not yet: each with its recurrence id (its
 * original start), its window (where it was moved to, if it was), its instance once made, and its status: {@code made},
 * {@code not_yet} (beyond the 60 days occurrences are made ahead), {@code moved} (made, at another time than the rule
 * says) or {@code cancelled} (never made again). {@code next} is where the following page starts, or null.
 */
public record OccurrencesView(long seriesId, long meetingId, List<OccurrenceView> occurrences, Instant next) {

    /** One occurrence; {@code instanceId} is left out until it is made. */
    public record OccurrenceView(Instant recurrenceId, Instant start, Instant end, String status, Long instanceId) {}

    /**
     * The page of {@code found} (the rule's occurrences from a range, one more than {@code limit} if there are more)
     * with what the series and its made instances' windows ({@code windows}, by instance id) say of each.
     */
    public static OccurrencesView of(Series series, List<Occurrence> found, int limit, Map<Long, TimeWindow> windows) {
        List<OccurrenceView> page = new ArrayList<>();
        for (Occurrence o : found.subList(0, Math.min(limit, found.size()))) {
            Instant id = o.recurrenceId();
            Long instance = series.occurrences().get(id);
            TimeWindow rule = o.window();
            if (series.cancelled().contains(id)) {
                page.add(new OccurrenceView(id, rule.from(), rule.to(), "cancelled", null));
            } else if (instance == null) {
                page.add(new OccurrenceView(id, rule.from(), rule.to(), "not_yet", null));
            } else {
                TimeWindow made = windows.getOrDefault(instance, rule);
                page.add(new OccurrenceView(id, made.from(), made.to(), made.equals(rule) ? "made" : "moved", instance));
            }
        }
        Instant next = found.size() > limit ? found.get(limit).recurrenceId() : null;
        return new OccurrencesView(series.id(), series.meetingId(), page, next);
    }
}
