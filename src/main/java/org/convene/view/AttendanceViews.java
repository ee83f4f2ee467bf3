package org.convene.view;

import java.time.Instant;
import java.util.List;
import org.convene.model.AttendanceReport;
import org.convene.model.Segment;
import org.convene.model.Wait;
import org.convene.model.WaitedPerson;

/** Attendance as callers see it, through the API and the command line's {@code --json}. */
public final class AttendanceViews {
    private AttendanceViews() {}

    /** A window; {@code to} is left out while it is still open. */
    public record WindowView(Instant from, Instant to) {}

    public record SegmentView(Instant joinedAt, Instant leftAt, String endedBy) {
        static SegmentView of(Segment s) {
            return new SegmentView(s.joinedAt(), s.leftAt(), s.endedBy() == null ? null : s.endedBy().wireName());
        }
    }

    /** One attendee: their segments and what the report works out from them (shares are 0 to 1). */
    public record AttendeeView(long userId, String name, Instant firstJoin, Instant lastLeave, boolean inside,
                               int rejoins, long presentSeconds, double shareOfActual, double shareOfScheduled,
                               List<SegmentView> segments, Boolean guest) {
        static AttendeeView of(AttendanceReport.Row row, boolean guest) {
            var a = row.attendee();
            return new AttendeeView(a.userId(), a.name(), a.firstJoin(), a.lastLeave(), a.inside(), a.rejoins(),
                    row.present().toSeconds(), row.shareOfActual(), row.shareOfScheduled(),
                    a.segments().stream().map(SegmentView::of).toList(), guest ? Boolean.TRUE : null);
        }
    }

    /** A stretch of waiting in the lobby: {@code to} and {@code outcome} are left out while it goes on. */
    public record WaitView(Instant from, Instant to, String outcome) {
        static WaitView of(Wait w) {
            return new WaitView(w.from(), w.to(), w.end() == null ? null : w.end().wireName());
        }
    }

    /** Someone who waited in the lobby: their waits, a kind of segment of their own, and the time they waited. */
    public record WaiterView(long userId, String name, long waitedSeconds, List<WaitView> segments) {
        static WaiterView of(WaitedPerson w, Instant until) {
            return new WaiterView(w.userId(), w.name(), w.waited(until).toSeconds(),
                    w.waits().stream().map(WaitView::of).toList());
        }
    }

    /**
     * An instance's report: its windows, its totals, every attendee by first join, and who waited in its lobby by first
     * wait (left out when nobody did).
     */
    public record InstanceAttendanceView(long instanceId, long meetingId, String status, WindowView scheduled,
                                         WindowView actual, int uniqueAttendees, int peakConcurrent, Instant peakAt,
                                         List<AttendeeView> attendees, List<WaiterView> waiting) {
        public static InstanceAttendanceView of(AttendanceReport r) {
            var i = r.instance();
            return new InstanceAttendanceView(i.id(), i.meetingId(), i.status().wireName(), new WindowView(i.from(), i.to()),
                    r.actualFrom() == null ? null : new WindowView(r.actualFrom(), r.actualTo()), r.uniqueAttendees(),
                    r.peakConcurrent(), r.peakAt(),
                    r.attendees().stream().map(row -> AttendeeView.of(row, r.guest(row.attendee().userId()))).toList(),
                    r.waited().isEmpty() ? null
                            : r.waited().stream().map(w -> WaiterView.of(w, r.countedUntil())).toList());
        }
    }

    /** One instance in a user's attendance: the instance and that user's row. */
    public record UserAttendanceView(long instanceId, long meetingId, String status, WindowView scheduled,
                                     WindowView actual, AttendeeView attendance) {
        public static UserAttendanceView of(AttendanceReport r) {
            var i = r.instance();
            return new UserAttendanceView(i.id(), i.meetingId(), i.status().wireName(), new WindowView(i.from(), i.to()),
                    r.actualFrom() == null ? null : new WindowView(r.actualFrom(), r.actualTo()),
                    AttendeeView.of(r.attendees().get(0), false));
        }
    }
}
