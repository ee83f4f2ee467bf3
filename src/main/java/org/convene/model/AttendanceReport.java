package org.convene.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Who was in an instance and for how long, as of a moment (and who waited in its lobby, for how long): each attendee's segments, their time
 * present and its share of the instance's actual window (activation to end, or to now while it
 * runs) and of its scheduled window; and the totals, unique attendees and peak concurrent
 * presence with when it was first reached. {@code actualFrom} is null before the instance starts,
 * {@code actualTo} while it runs; {@code asOf} is the moment the report was made.
 */
public record AttendanceReport(MeetingInstance instance, Instant actualFrom, Instant actualTo, Instant asOf,
                               List<Row> attendees, int peakConcurrent, Instant peakAt, List<WaitedPerson> waited,
                               java.util.Set<Long> guests) {

    /** One attendee with what the report works out for them. */
    public record Row(Attendee attendee, Duration present, double shareOfActual, double shareOfScheduled) {}

    public AttendanceReport {
        attendees = List.copyOf(attendees);
        waited = waited == null ? List.of() : List.copyOf(waited);
        guests = guests == null ? java.util.Set.of() : java.util.Set.copyOf(guests);
    }

    /** Whether user {@code userId} came as a guest, by a guest link. */
    public boolean guest(long userId) {
        return guests.contains(userId);
    }

    /** Where an open segment is counted up to: the end, or the report's moment while the instance runs. */
    public Instant countedUntil() {
        return actualTo != null ? actualTo : asOf;
    }

    /**
     * The same report with user {@code userId}'s row alone, for someone who may see only their own attendance
     * (the totals stay: they name nobody).
     */
    public AttendanceReport only(long userId) {
        return new AttendanceReport(instance, actualFrom, actualTo, asOf,
                attendees.stream().filter(r -> r.attendee().userId() == userId).toList(), peakConcurrent, peakAt,
                waited.stream().filter(w -> w.userId() == userId).toList(), guests);
    }

    /** How many different people were ever inside. */
    public int uniqueAttendees() {
        return attendees.size();
    }

    /** The report of what the store kept, as of {@code now}; attendees by first join. */
    public static AttendanceReport of(InstanceAttendance kept, Instant now) {
        MeetingInstance instance = kept.instance();
        boolean started = instance.status() != InstanceStatus.SCHEDULED;
        Instant actualFrom = started ? instance.from() : null;
        Instant actualTo = instance.endedAtOrEnd();
        // Open segments count up to the end (an instance whose window passed unseen is over) or to now.
        Instant until = actualTo != null ? actualTo : now;
        Duration actual = actualFrom == null ? Duration.ZERO : Duration.between(actualFrom, until);
        Duration scheduled = Duration.between(instance.from(), instance.to());
        List<Row> rows = new ArrayList<>();
        for (Attendee attendee : kept.attendees()) {
            Duration present = attendee.present(until);
            rows.add(new Row(attendee, present, share(present, actual), share(present, scheduled)));
        }
        rows.sort(Comparator.comparing((Row r) -> r.attendee().firstJoin()).thenComparingLong(r -> r.attendee().userId()));
        Peak peak = peak(kept.attendees(), until);
        return new AttendanceReport(instance, actualFrom, actualTo, now, rows, peak.count(), peak.at(), kept.waited(), kept.guests());
    }

    /** The fraction {@code part} is of {@code whole}, 0 to 1, rounded to four places; 0 of nothing. */
    static double share(Duration part, Duration whole) {
        if (whole.isZero() || whole.isNegative()) return 0;
        double share = Math.min(1.0, (double) part.toMillis() / whole.toMillis());
        return Math.round(share * 10_000) / 10_000.0;
    }

    /**
     * The most people inside at once and when that was first reached: every join and leave in time
     * order, leaves before joins at the same instant (one who leaves as another joins is not two).
     */
    private static Peak peak(List<Attendee> attendees, Instant until) {
        List<long[]> steps = new ArrayList<>();
        for (Attendee attendee : attendees) {
            for (Segment segment : attendee.segments()) {
                steps.add(new long[] {segment.joinedAt().toEpochMilli(), 1});
                steps.add(new long[] {segment.until(until).toEpochMilli(), -1});
            }
        }
        steps.sort(Comparator.<long[]>comparingLong(s -> s[0]).thenComparingLong(s -> s[1]));
        int inside = 0;
        Peak peak = new Peak(0, null);
        for (long[] step : steps) {
            inside += (int) step[1];
            if (inside > peak.count()) peak = new Peak(inside, Instant.ofEpochMilli(step[0]));
        }
        return peak;
    }

    private record Peak(int count, Instant at) {}
}
