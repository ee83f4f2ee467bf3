package org.convene.series;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.convene.model.TimeWindow;
import org.convene.series.SeriesRule.Occurrence;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * One expansion of a rule by lib-recur under a strict budget of steps: it jumps to {@code from} first (lib-recur
 * steps there by INTERVAL, or through a COUNT's occurrences, both bounded by {@link RuleLimits}), then reads at
 * most {@code steps} occurrences. What lib-recur gives up on (a rule that no longer occurs, a date it cannot
 * hold) ends the expansion instead of failing the caller, and says so.
 */
record Expansion(List<Occurrence> found, End end, String why) {

    /** Why an expansion stopped. */
    enum End {
        /** The rule has no more occurrences (its COUNT or UNTIL, or the last year a series may reach). */
        RULE_ENDED,
        /** As many occurrences as asked for were found. */
        ENOUGH,
        /** The next occurrence starts at or after the end of the window asked for. */
        PAST_WINDOW,
        /** The budget of steps ran out first. */
        BUDGET,
        /** lib-recur gave up, or answered out of order (a date it could not hold). */
        GAVE_UP
    }

    /** Expands {@code rule} from {@code from} to before {@code until}: at most {@code max} occurrences, {@code steps} reads. */
    static Expansion of(SeriesRule rule, Instant from, Instant until, int max, int steps) {
        List<Occurrence> found = new ArrayList<>();
        if (max <= 0) return new Expansion(found, End.ENOUGH, "");
        long last = RuleLimits.END_OF_YEARS.toEpochMilli();
        long previous = Long.MIN_VALUE;
        try {
            RecurrenceRuleIterator it = rule.recurrence().iterator(start(rule));
            it.fastForward(from.toEpochMilli());
            for (int step = 0; step < steps; step++) {
                if (found.size() >= max) return new Expansion(found, End.ENOUGH, "");
                if (!it.hasNext()) return new Expansion(found, End.RULE_ENDED, "");
                long at = it.nextMillis();
                // Earlier is an overflow; equal is two local times a daylight-saving change made one instant: one occurrence.
                if (at < previous) return new Expansion(found, End.GAVE_UP, "an occurrence came out of order");
                if (at == previous) continue;
                if (at >= last) return new Expansion(found, End.RULE_ENDED, "");
                previous = at;
                Instant begins = Instant.ofEpochMilli(at);
                if (!begins.isBefore(until)) return new Expansion(found, End.PAST_WINDOW, "");
                if (!begins.isBefore(from)) {
                    found.add(new Occurrence(begins, new TimeWindow(begins, begins.plus(rule.length()))));
                }
            }
            return new Expansion(found, found.size() >= max ? End.ENOUGH : End.BUDGET, "");
        } catch (RuntimeException libRecurGaveUp) {
            // lib-recur throws after thousands of empty periods ("too many empty recurrence sets") and on dates
            // it cannot represent: the rule ends there for a read; creation refuses it (RuleLimits).
            return new Expansion(found, End.GAVE_UP, String.valueOf(libRecurGaveUp.getMessage()));
        }
    }

    private static DateTime start(SeriesRule rule) {
        var s = rule.start();
        return new DateTime(TimeZone.getTimeZone(rule.zone()), s.getYear(), s.getMonthValue() - 1, s.getDayOfMonth(),
                s.getHour(), s.getMinute(), s.getSecond());
    }
}
