package org.convene.series;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import org.convene.model.Acting;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;
import org.convene.model.SeriesLink;
import org.convene.model.TimeWindow;
import org.convene.series.SeriesRule.Occurrence;
import org.convene.series.port.SeriesStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recurring series: each occurrence is a real instance (its own id, the next order id, the series and
 * its recurrence id), made ahead on a rolling horizon ({@link SeriesRule#HORIZON}, at most
 * {@link SeriesRule#HORIZON_COUNT}), so every existing function applies to an occurrence unchanged and an
 * open-ended series never ends. A series whose first occurrences would overlap an instance is refused,
 * naming it; an occurrence that would overlap one scheduled later by hand is skipped when the horizon
 * reaches it.
 */
public final class Recurrences {
    private static final Logger LOG = LoggerFactory.getLogger(Recurrences.class);
    /** How often a series is looked at again, at most, to make what has come within the horizon. */
    public static final Duration TOP_UP_EVERY = Duration.ofDays(1);
    /** How long a series that could not be topped up waits before it is tried again. */
    public static final Duration RETRY_FAILED = Duration.ofHours(1);

    private final SeriesStore store;
    private final Clock clock;
    private final AtomicLong failures = new AtomicLong();
    /** The series failing now, each logged once until it succeeds again. */
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    public Recurrences(SeriesStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Makes a series and its occurrences within the horizon, or nothing: refused, naming the field, when its rule
     * is outside {@link RuleLimits} or an occurrence would overlap an instance; undone when it fails part-way.
     */
    public Series create(long meetingId, SeriesRule rule) {
        return create(meetingId, rule, Acting.ROOT);
    }

    /** The same on behalf of {@code acting}: recorded in the meeting's audit trail with the series' making. */
    public Series create(long meetingId, SeriesRule rule, Acting acting) {
        RuleLimits.check(rule);
        return createChecked(meetingId, rule, acting);
    }

    private Series createChecked(long meetingId, SeriesRule rule, Acting acting) {
        Instant now = clock.instant();
        List<Occurrence> first = rule.between(now, now.plus(SeriesRule.HORIZON), SeriesRule.HORIZON_COUNT);
        RuleLimits.requireApart(first, rule.length());
        for (Occurrence o : first) {
            try {
                store.checkFree(meetingId, o.window(), now);
            } catch (RefusedException e) {
                if (e.refusal() != Refusal.OVERLAP) throw e;
                throw Refusal.INVALID_INPUT.refuse("the occurrence starting " + o.recurrenceId() + " would overlap: "
                        + e.getMessage());
            }
        }
        Series series = store.createSeries(meetingId, rule, now, acting);
        try {
            make(series, first, now);
            return store.series(meetingId, series.id());
        } catch (RuntimeException failed) {
            // Made part-way (Redis failed, or an occurrence was refused meanwhile): none of it may stay.
            try {
                store.deleteSeries(meetingId, series.id(), now, null);
                store.topUpAt(meetingId, series.id(), null);
            } catch (RuntimeException undoFailed) {
                failed.addSuppressed(undoFailed);
            }
            throw failed;
        }
    }

    public List<Series> of(long meetingId) {
        return store.seriesOf(meetingId);
    }

    public Series get(long meetingId, long seriesId) {
        return store.series(meetingId, seriesId);
    }

    /** Deletes the series and its occurrences still to come (those that ran stay); returns the instances deleted. */
    public List<Long> delete(long meetingId, long seriesId) {
        return delete(meetingId, seriesId, Acting.ROOT);
    }

    /** The same on behalf of {@code acting}, recorded. */
    public List<Long> delete(long meetingId, long seriesId, Acting acting) {
        List<Long> deleted = store.deleteSeries(meetingId, seriesId, clock.instant(), acting);
        store.topUpAt(meetingId, seriesId, null);
        return deleted;
    }

    /** Cancels the occurrence that starts (by the rule) at {@code recurrenceId}; refused once it has started. */
    public void cancel(long meetingId, long seriesId, Instant recurrenceId) {
        cancel(meetingId, seriesId, recurrenceId, Acting.ROOT);
    }

    /** The same on behalf of {@code acting}, recorded. */
    public void cancel(long meetingId, long seriesId, Instant recurrenceId, Acting acting) {
        Series series = store.series(meetingId, seriesId);
        requireOccurrence(series, recurrenceId);
        store.cancelOccurrence(meetingId, seriesId, recurrenceId, clock.instant(), acting);
    }

    /**
     * The instance of the occurrence that starts (by the rule) at {@code recurrenceId}, to be moved like any
     * instance (it keeps its recurrence id); refused when it is not made yet.
     */
    public long occurrenceInstance(long meetingId, long seriesId, Instant recurrenceId) {
        Series series = store.series(meetingId, seriesId);
        requireOccurrence(series, recurrenceId);
        Long made = series.occurrences().get(recurrenceId);
        if (made == null) {
            throw Refusal.INVALID_INPUT.refuse("the occurrence starting " + recurrenceId + " is not made yet (occurrences are "
                    + "made " + SeriesRule.HORIZON.toDays() + " days ahead) or was cancelled");
        }
        return made;
    }

    /**
     * Changes the series from the occurrence starting {@code at} onward: the series ends before it, and a new
     * series with {@code rule} takes over (what ran is never changed). Returns the new series.
     */
    public Series split(long meetingId, long seriesId, Instant at, SeriesRule rule) {
        return split(meetingId, seriesId, at, rule, Acting.ROOT);
    }

    /** The same on behalf of {@code acting}: the cut and the new series recorded. */
    public Series split(long meetingId, long seriesId, Instant at, SeriesRule rule, Acting acting) {
        Instant now = clock.instant();
        Series old = store.series(meetingId, seriesId);
        requireOccurrence(old, at);
        if (!at.isAfter(now)) throw Refusal.INVALID_INPUT.refuse("a series can only change from an occurrence still to come");
        RuleLimits.check(rule); // before the cut: a refused split changes nothing
        String shortened = RuleText.endingBefore(old.rule().rrule(), at);
        store.cutSeries(meetingId, seriesId, shortened, at, now, acting);
        try {
            return createChecked(meetingId, rule, acting);
        } catch (RuntimeException refused) {
            // The new rule cannot be had (or Redis failed meanwhile): the old one goes on as it was.
            store.cutSeries(meetingId, seriesId, old.rule().rrule(), Instant.parse("9999-01-01T00:00:00Z"), now, null);
            make(store.series(meetingId, seriesId), old.rule().between(at, now.plus(SeriesRule.HORIZON), SeriesRule.HORIZON_COUNT), now);
            throw refused;
        }
    }

    /** The rule of {@code series} with its fields changed where given: for a split. */
    public static SeriesRule changed(Series series, Instant at, String rrule, String start, String timeZone, Integer minutes) {
        SeriesRule old = series.rule();
        ZoneId zone;
        try {
            zone = timeZone == null ? old.zone() : ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            throw Refusal.INVALID_INPUT.refuse("timeZone must be an IANA zone such as Europe/Athens, was '" + timeZone + "'");
        }
        return SeriesRule.of(rrule == null ? RuleText.remaining(old, at) : rrule,
                start == null ? LocalDateTime.ofInstant(at, zone).toString() : start, zone.getId(),
                minutes == null ? (int) old.length().toMinutes() : minutes);
    }

    private static void requireOccurrence(Series series, Instant recurrenceId) {
        if (series.rule().between(recurrenceId, recurrenceId.plusMillis(1), 1).isEmpty()) {
            throw Refusal.INVALID_INPUT.refuse("recurrenceId: the series has no occurrence starting " + recurrenceId);
        }
    }

    /**
     * Makes the occurrences that have come within the horizon of every series due; returns how many. A series
     * that fails is counted ({@link #topUpFailures()}), logged once until it succeeds again, tried again after
     * {@link #RETRY_FAILED}, and does not hold up the others. Run by the horizon keeper.
     */
    public int topUp() {
        Instant now = clock.instant();
        int made = 0;
        for (long[] due : store.seriesDue(now, 1_000)) {
            String name = "series " + due[1] + " of meeting " + due[0];
            try {
                made += topUpSeries(due[0], due[1], now);
                if (failing.remove(name)) LOG.info("The {} is topped up again", name);
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                if (failing.add(name)) LOG.warn("The {} could not be topped up (tried again every {} min; logged once): {}",
                        name, RETRY_FAILED.toMinutes(), e.toString());
                retryLater(due, now);
            }
        }
        return made;
    }

    /** How many times a series could not be topped up, since this started: for a metric. */
    public long topUpFailures() {
        return failures.get();
    }

    private int topUpSeries(long meetingId, long seriesId, Instant now) {
        try {
            Series series = store.series(meetingId, seriesId);
            Instant after = series.madeUntil() == null ? now : series.madeUntil().plusMillis(1);
            List<Occurrence> next = series.rule().between(after.isBefore(now) ? now : after, now.plus(SeriesRule.HORIZON),
                    SeriesRule.HORIZON_COUNT - (int) series.occurrences().keySet().stream().filter(r -> !r.isBefore(now)).count());
            return make(series, next, now);
        } catch (RefusedException gone) {
            if (gone.refusal() != Refusal.INVALID_SERIES && gone.refusal() != Refusal.INVALID_MEETING) throw gone;
            store.topUpAt(meetingId, seriesId, null);
            return 0;
        }
    }

    /** A failing series waits, so that it is not tried every minute and the series due after it come first. */
    private void retryLater(long[] due, Instant now) {
        try {
            store.topUpAt(due[0], due[1], now.plus(RETRY_FAILED));
        } catch (RuntimeException alsoFailed) {
            LOG.debug("The series {} of meeting {} is tried again at the next top-up: {}", due[1], due[0], alsoFailed.toString());
        }
    }

    private int make(Series series, List<Occurrence> occurrences, Instant now) {
        int made = 0;
        for (Occurrence o : occurrences) {
            if (series.cancelled().contains(o.recurrenceId())) continue;
            try {
                store.makeOccurrence(series.meetingId(), o.window(), new SeriesLink(series.id(), o.recurrenceId()), now);
                made++;
            } catch (RefusedException e) {
                if (e.refusal() == Refusal.OCCURRENCE_CANCELLED) continue; // cancelled meanwhile by another node
                if (e.refusal() != Refusal.OVERLAP) throw e;
                LOG.info("Series {} of meeting {}: the occurrence starting {} is skipped: {}", series.id(), series.meetingId(),
                        o.recurrenceId(), e.getMessage());
            }
        }
        // Recorded once, after the batch: one stopped midway is made again from its start, and what it
        // made is recognised by recurrence id.
        if (!occurrences.isEmpty()) {
            store.madeUntil(series.meetingId(), series.id(), occurrences.get(occurrences.size() - 1).recurrenceId());
        }
        boolean more = !series.rule().between(now.plus(SeriesRule.HORIZON), now.plus(SeriesRule.HORIZON).plus(Duration.ofDays(3660)), 1)
                .isEmpty() || !series.rule().bounded();
        store.topUpAt(series.meetingId(), series.id(), more ? now.plus(TOP_UP_EVERY) : null);
        return made;
    }

    /** The horizon's reach from {@code now}: occurrences starting before it exist as instances. */
    public static TimeWindow horizon(Instant now) {
        return new TimeWindow(now, now.plus(SeriesRule.HORIZON));
    }

    /** The first {@code max} occurrences of a series still to come within {@code days}, as the rule says (made or not). */
    public static List<Occurrence> upcoming(Series series, Instant now, int days, int max) {
        return new ArrayList<>(series.rule().between(now, now.plus(Duration.ofDays(days)), max));
    }
}
