package org.convene.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The report's arithmetic, on values alone: no Redis. The instance runs 10:00 to 11:00. */
class AttendanceReportTest {
    static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    static final TimeWindow HOUR = new TimeWindow(T0, T0.plus(minutes(60)));

    static Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }

    static Instant at(long minutesAfterTen) {
        return T0.plus(minutes(minutesAfterTen));
    }

    static Segment closed(long from, long to, SegmentEnd end) {
        return new Segment(at(from), at(to), end);
    }

    static Segment open(long from) {
        return new Segment(at(from), null, null);
    }

    static InstanceAttendance kept(InstanceStatus status, Instant endedAt, Attendee... attendees) {
        return new InstanceAttendance(new MeetingInstance(7, 3, 1, HOUR, status, endedAt), List.of(attendees));
    }

    @Test
    void timePresentSumsTheSegmentsAndCountsAnOpenOneUpToNow() {
        Attendee john = new Attendee(1, "John", List.of(closed(0, 10, SegmentEnd.LEFT), open(20)));

        AttendanceReport report = AttendanceReport.of(kept(InstanceStatus.ACTIVE, null, john), at(30));

        assertThat(report.attendees().get(0).present()).isEqualTo(minutes(20));
        assertThat(report.attendees().get(0).attendee().rejoins()).isEqualTo(1);
        assertThat(report.attendees().get(0).attendee().inside()).isTrue();
        assertThat(report.actualTo()).isNull();
    }

    @Test
    void sharesAreOfTheActualWindowAndOfTheScheduledOne() {
        Attendee john = new Attendee(1, "John", List.of(closed(0, 15, SegmentEnd.LEFT), closed(20, 30, SegmentEnd.TIMEOUT)));

        AttendanceReport report = AttendanceReport.of(kept(InstanceStatus.ENDED, at(30), john), at(90));

        assertThat(report.actualFrom()).isEqualTo(at(0));
        assertThat(report.actualTo()).isEqualTo(at(30));
        assertThat(report.attendees().get(0).shareOfActual()).isEqualTo(25.0 / 30, Offset.offset(1e-4));
        assertThat(report.attendees().get(0).shareOfScheduled()).isEqualTo(25.0 / 60, Offset.offset(1e-4));
    }

    @Test
    void thePeakCountsOneWhoLeavesAsAnotherJoinsOnce() {
        Attendee john = new Attendee(1, "John", List.of(closed(0, 10, SegmentEnd.LEFT)));
        Attendee jane = new Attendee(2, "Jane", List.of(closed(10, 20, SegmentEnd.LEFT)));
        Attendee ann = new Attendee(3, "Ann", List.of(closed(15, 25, SegmentEnd.LEFT)));

        AttendanceReport report = AttendanceReport.of(kept(InstanceStatus.ACTIVE, null, john, jane, ann), at(30));

        assertThat(report.peakConcurrent()).isEqualTo(2);
        assertThat(report.peakAt()).isEqualTo(at(15));
        assertThat(report.uniqueAttendees()).isEqualTo(3);
    }

    @Test
    void attendeesComeInTheOrderTheyFirstJoined() {
        Attendee late = new Attendee(1, "John", List.of(closed(20, 30, SegmentEnd.LEFT)));
        Attendee early = new Attendee(2, "Jane", List.of(closed(5, 30, SegmentEnd.REMOVED)));

        AttendanceReport report = AttendanceReport.of(kept(InstanceStatus.ACTIVE, null, late, early), at(40));

        assertThat(report.attendees()).extracting(r -> r.attendee().userId()).containsExactly(2L, 1L);
    }

    @Test
    void anInstanceNotStartedHasNoActualWindowAndNoShares() {
        AttendanceReport report = AttendanceReport.of(kept(InstanceStatus.SCHEDULED, null), at(-30));

        assertThat(report.actualFrom()).isNull();
        assertThat(report.attendees()).isEmpty();
        assertThat(report.peakConcurrent()).isZero();
        assertThat(report.peakAt()).isNull();
    }

    @Test
    void anOpenSegmentOfAnInstanceWhoseWindowPassedUnseenCountsToItsEnd() {
        Attendee john = new Attendee(1, "John", List.of(open(30)));

        AttendanceReport report = AttendanceReport.of(kept(InstanceStatus.ENDED, null, john), at(600));

        assertThat(report.actualTo()).isEqualTo(at(60));
        assertThat(report.attendees().get(0).present()).isEqualTo(minutes(30));
        assertThat(report.attendees().get(0).shareOfActual()).isEqualTo(0.5);
    }

    @Test
    void aSegmentMustNotEndBeforeItStarts() {
        assertThatThrownBy(() -> closed(10, 5, SegmentEnd.LEFT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before");
    }
}
