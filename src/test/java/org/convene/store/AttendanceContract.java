package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.convene.model.AttendanceReport;
import org.convene.model.MeetingDetails;
import org.convene.model.EventType;
import org.convene.model.MeetingInstance;
import org.convene.model.Presence;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;
import org.convene.model.Segment;
import org.convene.model.SegmentEnd;
import org.convene.model.TimeWindow;
import org.convene.model.User;
import org.convene.model.UserDetails;
import org.convene.schedule.InstanceScheduler;
import org.convene.schedule.Transition;
import org.junit.jupiter.api.Test;

/** Attendance reports kept by the writes themselves, and capacity held by the join's own step. */
abstract class AttendanceContract extends StoreContract {

    AttendanceReport.Row rowOf(AttendanceReport report, User user) {
        return report.attendees().stream().filter(r -> r.attendee().userId() == user.id()).findFirst().orElseThrow();
    }

    @Test
    void aJoinLeaveRejoinAndEndGiveExactSegmentsAndTotals() {
        MeetingInstance open = openInstance();
        convene.join(john.id(), open.id());
        clock.advance(minutes(10));
        convene.leave(john.id(), open.id());
        clock.advance(minutes(5));
        convene.join(john.id(), open.id());
        convene.join(jane.id(), open.id());
        clock.advance(minutes(15));
        convene.end(open.id());

        AttendanceReport report = convene.attendance(open.id());

        assertThat(rowOf(report, john).attendee().segments()).containsExactly(
                new Segment(T0, T0.plus(minutes(10)), SegmentEnd.LEFT),
                new Segment(T0.plus(minutes(15)), T0.plus(minutes(30)), SegmentEnd.TIMEOUT));
        assertThat(rowOf(report, john).present()).isEqualTo(minutes(25));
        assertThat(rowOf(report, john).attendee().rejoins()).isEqualTo(1);
        assertThat(rowOf(report, jane).attendee().segments()).containsExactly(
                new Segment(T0.plus(minutes(15)), T0.plus(minutes(30)), SegmentEnd.TIMEOUT));
        assertThat(report.actualFrom()).isEqualTo(open.from());
        assertThat(report.actualTo()).isEqualTo(T0.plus(minutes(30)));
        assertThat(report.uniqueAttendees()).isEqualTo(2);
        assertThat(report.peakConcurrent()).isEqualTo(2);
        assertThat(report.peakAt()).isEqualTo(T0.plus(minutes(15)));
        assertThat(rowOf(report, john).attendee().name()).isEqualTo(john.name());
    }

    @Test
    void whileTheInstanceRunsAnOpenSegmentCountsUpToNow() {
        MeetingInstance open = openInstance();
        convene.join(john.id(), open.id());
        clock.advance(minutes(7));

        AttendanceReport.Row row = rowOf(convene.attendance(open.id()), john);

        assertThat(row.attendee().inside()).isTrue();
        assertThat(row.present()).isEqualTo(minutes(7));
    }

    @Test
    void aRejoinAttemptAfterTheEndLeavesTheReportAsItWas() {
        MeetingInstance open = openInstance();
        convene.join(john.id(), open.id());
        clock.advance(minutes(10));
        convene.end(open.id());
        AttendanceReport before = convene.attendance(open.id());

        clock.advance(minutes(1));
        assertRefused(() -> convene.join(john.id(), open.id()), Refusal.NOT_ACTIVE, "Meeting instance is not active");

        assertThat(convene.attendance(open.id()).attendees()).isEqualTo(before.attendees());
    }

    @Test
    void aParticipantTakenOutOfTheAudienceHasASegmentEndedByRemoval() {
        convene.join(john.id(), active.id());
        clock.advance(minutes(3));
        convene.updateMeeting(active.meetingId(), new MeetingDetails("Project Review", "", false,
                List.of(jane.email())), OptionalLong.empty());

        AttendanceReport.Row row = rowOf(convene.attendance(active.id()), john);

        assertThat(row.attendee().segments()).containsExactly(new Segment(T0, T0.plus(minutes(3)), SegmentEnd.REMOVED));
    }

    @Test
    void aUsersAttendanceListsTheirInstancesNewestFirstAndPages() {
        convene.join(john.id(), active.id());
        clock.advance(minutes(1));
        MeetingInstance open = openInstance();
        convene.join(john.id(), open.id());

        List<AttendanceReport> first = convene.attendanceOf(john.id(), 0, 1);
        List<AttendanceReport> second = convene.attendanceOf(john.id(), first.get(0).instance().id(), 1);

        assertThat(first).extracting(r -> r.instance().id()).containsExactly(open.id());
        assertThat(second).extracting(r -> r.instance().id()).containsExactly(active.id());
        assertThat(second.get(0).attendees()).extracting(r -> r.attendee().userId()).containsExactly(john.id());
        assertThat(convene.attendanceOf(jane.id(), 0, 10)).isEmpty();
    }

    @Test
    void theReportOfAnUnknownInstanceIsRefused() {
        assertRefused(() -> convene.attendance(999), Refusal.INVALID_INSTANCE, "Invalid meeting instance ID");
    }

    @Test
    void aJoinBeyondTheCapacityIsRefusedAndALeaveFreesASeatAtOnce() {
        MeetingInstance small = instanceOfCapacity(1);
        convene.join(john.id(), small.id());

        assertRefused(() -> convene.join(jane.id(), small.id()), Refusal.INSTANCE_FULL, "Meeting instance is full");
        convene.leave(john.id(), small.id());
        convene.join(jane.id(), small.id());

        assertThat(convene.participants(small.id())).extracting(p -> p.userId()).containsExactly(jane.id());
    }

    @Test
    void hundredsOfConcurrentJoinsAdmitExactlyTheCapacity() throws Exception {
        MeetingInstance small = instanceOfCapacity(20);
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 200; i++) users.add(convene.createUser(new UserDetails("C" + i, 30, "", "c" + i + "@example.com")));
        AtomicInteger full = new AtomicInteger();
        ConcurrencyContract.runTogether(32, t -> () -> {
            for (int i = t; i < users.size(); i += 32) {
                try {
                    convene.join(users.get(i).id(), small.id());
                } catch (RefusedException e) {
                    assertThat(e.refusal()).isEqualTo(Refusal.INSTANCE_FULL);
                    full.incrementAndGet();
                }
            }
            return null;
        });

        assertThat(convene.participants(small.id())).hasSize(20);
        assertThat(full).hasValue(180);
    }

    @Test
    void aCapacityOfZeroOrOverTheLimitIsRefused() {
        assertRefused(() -> MeetingDetails.capacity(0), Refusal.INVALID_INPUT,
                "capacity must be 1 to 100000, or left out for no limit");
        assertRefused(() -> new MeetingDetails("T", "", true, List.of(), 100_001), Refusal.INVALID_INPUT,
                "capacity must be 1 to 100000, or left out for no limit");
    }

    @Test
    void aParticipantWhoGoesQuietIsReapedOnceWithATimeoutWhoseReasonIsReaped() {
        MeetingInstance watched = instanceWithPresence(new Presence(30, 10));
        convene.join(john.id(), watched.id());
        clock.advance(Duration.ofSeconds(41));

        List<Transition> first = scheduler().tick();
        List<Transition> again = scheduler().tick();

        assertThat(first).filteredOn(t -> t.kind() == Transition.Kind.REAPED)
                .singleElement().satisfies(t -> assertThat(t.timedOutUserIds()).containsExactly(john.id()));
        assertThat(again).noneMatch(t -> t.kind() == Transition.Kind.REAPED);
        assertThat(convene.participants(watched.id())).isEmpty();
        var log = convene.eventsOfInstance(watched.id(), 0, 100);
        assertThat(log).extracting(e -> e.type()).containsExactly(EventType.JOIN_MEETING, EventType.TIMEOUT);
        assertThat(log.get(1).reason()).isEqualTo("reaped");
        assertThat(rowOf(convene.attendance(watched.id()), john).attendee().segments()).containsExactly(
                new Segment(T0, T0.plusSeconds(41), SegmentEnd.REAPED));
    }

    @Test
    void aSignOfLifeWithinTheWindowKeepsTheParticipantInTheSameSegment() {
        MeetingInstance watched = instanceWithPresence(new Presence(30, 10));
        convene.join(john.id(), watched.id());
        clock.advance(Duration.ofSeconds(35));
        convene.heartbeat(john.id(), watched.id());
        clock.advance(Duration.ofSeconds(35));

        scheduler().tick();

        assertThat(convene.participants(watched.id())).extracting(p -> p.userId()).containsExactly(john.id());
        assertThat(rowOf(convene.attendance(watched.id()), john).attendee().segments()).containsExactly(
                new Segment(T0, null, null));
    }

    @Test
    void twoSchedulersRacingReapEachParticipantOnce() throws Exception {
        MeetingInstance watched = instanceWithPresence(new Presence(30, 0));
        convene.join(john.id(), watched.id());
        convene.join(jane.id(), watched.id());
        clock.advance(Duration.ofSeconds(31));
        ConcurrentLinkedQueue<Long> reaped = new ConcurrentLinkedQueue<>();

        ConcurrencyContract.runTogether(2, i -> () -> {
            scheduler().tick().stream().filter(t -> t.kind() == Transition.Kind.REAPED)
                    .forEach(t -> reaped.addAll(t.timedOutUserIds()));
            return null;
        });

        assertThat(reaped).containsExactlyInAnyOrder(john.id(), jane.id());
        assertThat(convene.eventsOfInstance(watched.id(), 0, 100)).filteredOn(e -> e.type() == EventType.TIMEOUT).hasSize(2);
    }

    @Test
    void aHeartbeatFromSomeoneNotInsideIsRefused() {
        MeetingInstance watched = instanceWithPresence(new Presence(30, 0));

        assertRefused(() -> convene.heartbeat(john.id(), watched.id()), Refusal.NOT_IN_MEETING, "User is not in the meeting");
        assertRefused(() -> convene.heartbeat(john.id(), 999), Refusal.INVALID_INSTANCE, "Invalid meeting instance ID");
    }

    @Test
    void aPresenceRuleGivenLaterAppliesToThoseAlreadyInsideOnceTheRepairPassRuns() {
        MeetingInstance open = openInstance();
        convene.join(john.id(), open.id());
        convene.updateMeeting(open.meetingId(), new MeetingDetails("Open", "", true, List.of(), 0, new Presence(30, 0)),
                OptionalLong.empty());
        store.transitions().repairViews(clock.instant());
        clock.advance(Duration.ofSeconds(31));

        scheduler().tick();

        assertThat(convene.participants(open.id())).isEmpty();
    }

    @Test
    void aLeaseShorterThanThirtySecondsIsRefused() {
        assertRefused(() -> new Presence(10, 0), Refusal.INVALID_INPUT, "presence.leaseSeconds must be 30 to 86400");
    }

    private InstanceScheduler scheduler() {
        return new InstanceScheduler(store.transitions(), clock, Duration.ofSeconds(1), t -> { });
    }

    private MeetingInstance instanceWithPresence(Presence presence) {
        long meeting = convene.createMeeting(new MeetingDetails("Watched", "", true, List.of(), 0, presence)).id();
        assertThat(convene.meeting(meeting).details().presence()).isEqualTo(presence);
        return convene.createInstance(meeting, new TimeWindow(clock.instant().minus(minutes(1)), clock.instant().plus(hours(1))));
    }

    private MeetingInstance instanceOfCapacity(int capacity) {
        long meeting = convene.createMeeting(new MeetingDetails("Small", "", true, List.of(), capacity)).id();
        assertThat(convene.meeting(meeting).details().capacity()).isEqualTo(capacity);
        return convene.createInstance(meeting, new TimeWindow(clock.instant().minus(minutes(1)), clock.instant().plus(hours(1))));
    }
}
