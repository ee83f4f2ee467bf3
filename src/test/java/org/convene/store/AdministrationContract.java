package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.convene.model.InstanceStatus;
import org.convene.model.EventType;
import org.convene.model.MeetingDetails;
import org.convene.model.MeetingInstance;
import org.convene.model.Refusal;
import org.convene.model.TimeWindow;
import org.convene.model.UserDetails;
import org.junit.jupiter.api.Test;

/** Creating, reading, changing and deleting users, meetings and instances. */
abstract class AdministrationContract extends StoreContract {

    @Test
    void usersAreListedByIdWithCursorPaging() {
        assertThat(convene.users(0, 10)).containsExactly(john, jane);
        assertThat(convene.users(john.id(), 10)).containsExactly(jane);
    }

    @Test
    void emailIsStoredTrimmedAndLowerCased() {
        var user = convene.createUser(new UserDetails("Ann", 20, "", "  Ann@Example.COM "));

        assertThat(convene.user(user.id()).email()).isEqualTo("ann@example.com");
    }

    @Test
    void creatingAUserWithAnEmailInUseIsRefusedWhateverItsCase() {
        assertRefusedAndUnchanged(() -> convene.createUser(new UserDetails("Imposter", 20, "", " JOHN.DOE@example.com")),
                Refusal.EMAIL_TAKEN, "E-mail john.doe@example.com is already used by another user");
    }

    @Test
    void changingAUsersEmailFreesTheOldOne() {
        convene.updateUser(john.id(), new UserDetails("John Doe", 26, "Male", "john@example.com"), any());

        var again = convene.createUser(new UserDetails("Another John", 30, "", "john.doe@example.com"));

        assertThat(convene.user(again.id()).name()).isEqualTo("Another John");
        assertThat(convene.user(john.id()).details().age()).isEqualTo(26);
    }

    @Test
    void aUserMadeWithoutAnAgeReadsBackWithoutOne() {
        var made = convene.createUser(new UserDetails("Nia", null, "", "nia@example.com"));

        assertThat(convene.user(made.id()).details().age()).isNull();
        assertThat(convene.user(made.id()).details().gender()).isEmpty();
    }

    @Test
    void aUserWithoutAnAgeIsStoredAsANodeOfTheVersionBeforeCanStillReadIt() throws Exception {
        var made = convene.createUser(new UserDetails("Nia", null, "", "nia@example.com"));

        // The version before reads age as a number: it finds 0 there, and noAge says there is none.
        var stored = redis().async().hgetall(Keys.user(made.id())).get();
        assertThat(stored).containsEntry("age", "0").containsEntry("noAge", "1");

        convene.updateUser(made.id(), new UserDetails("Nia", 33, "", "nia@example.com"), any());
        assertThat(redis().async().hgetall(Keys.user(made.id())).get()).containsEntry("age", "33").doesNotContainKey("noAge");
        assertThat(convene.user(made.id()).details().age()).isEqualTo(33);
    }

    @Test
    void changingAUserToAnotherUsersEmailIsRefused() {
        assertRefusedAndUnchanged(() -> convene.updateUser(john.id(),
                        new UserDetails("John Doe", 25, "Male", "jane.smith@example.com"), any()),
                Refusal.EMAIL_TAKEN, "E-mail jane.smith@example.com is already used by another user");
    }

    @Test
    void updateWithAStaleVersionIsRefused() {
        convene.updateUser(john.id(), new UserDetails("John Doe", 26, "Male", "john.doe@example.com"), any());

        assertRefusedAndUnchanged(() -> convene.updateUser(john.id(),
                        new UserDetails("John D.", 27, "Male", "john.doe@example.com"), OptionalLong.of(1)),
                Refusal.VERSION_MISMATCH, "The record is now at version 2, not the version given; read it again");
    }

    @Test
    void updatingAnUnknownUserIsRefused() {
        assertRefusedAndUnchanged(() -> convene.updateUser(99, new UserDetails("X", 1, "", "x@example.com"), any()),
                Refusal.INVALID_USER, "Invalid user ID");
    }

    @Test
    void aUserWhoNeverJoinedCanBeDeletedAndTheirEmailReused() {
        var temp = convene.createUser(new UserDetails("Temp", 20, "", "temp@example.com"));

        convene.deleteUser(temp.id());

        assertRefused(() -> convene.user(temp.id()), Refusal.INVALID_USER, "Invalid user ID");
        assertThat(convene.createUser(new UserDetails("Temp 2", 20, "", "temp@example.com")).id()).isGreaterThan(temp.id());
    }

    @Test
    void aDeletedUserKeepsTheirHistoryButCanNoLongerJoin() {
        convene.join(john.id(), active.id());
        convene.leave(john.id(), active.id());

        convene.deleteUser(john.id());

        assertThat(convene.eventsOfInstance(active.id(), 0, 10)).extracting(e -> e.userId()).containsOnly(john.id());
        assertRefused(() -> convene.join(john.id(), active.id()), Refusal.INVALID_USER, "Invalid user ID");
        assertRefused(() -> convene.user(john.id()), Refusal.INVALID_USER, "Invalid user ID");
        assertThat(convene.users(0, 10)).containsExactly(jane);
    }

    @Test
    void aUserDeletedWhileInsideLeavesAtOnceWithTheReasonRemoved() {
        convene.join(john.id(), active.id());

        convene.deleteUser(john.id());

        assertThat(convene.participants(active.id())).isEmpty();
        var last = convene.eventsOfInstance(active.id(), 0, 10).get(1);
        assertThat(last.type()).isEqualTo(EventType.LEAVE_MEETING);
        assertThat(last.reason()).isEqualTo("removed");
        assertRefused(() -> convene.post(john.id(), active.id(), "still here?"), Refusal.NOT_IN_MEETING,
                "User is not in the meeting");
    }

    @Test
    void aDeletedUserGetsNoToken() {
        convene.deleteUser(jane.id());

        assertRefusedAndUnchanged(() -> store.credentials().setUserTokenHash(jane.id(), "d".repeat(64), org.convene.model.Acting.ROOT, java.time.Instant.now()), Refusal.INVALID_USER,
                "Invalid user ID");
    }

    @Test
    void deletingAUserTwiceIsRefused() {
        convene.deleteUser(jane.id());

        assertRefusedAndUnchanged(() -> convene.deleteUser(jane.id()), Refusal.INVALID_USER, "Invalid user ID");
    }

    @Test
    void meetingAudienceIsNormalisedSortedAndWithoutRepeats() {
        var meeting = convene.createMeeting(new MeetingDetails("M", "d", false,
                List.of("b@example.com", " A@example.com", "a@EXAMPLE.com")));

        assertThat(convene.meeting(meeting.id()).details().audience()).containsExactly("a@example.com", "b@example.com");
    }

    @Test
    void updatingAMeetingReplacesItsAudience() {
        long review = active.meetingId();
        convene.updateMeeting(review, new MeetingDetails("Project Review", "", false, List.of("jane.smith@example.com")),
                OptionalLong.of(1));

        convene.join(jane.id(), active.id());
        assertRefused(() -> convene.join(john.id(), active.id()), Refusal.NOT_ALLOWED,
                "User 1 not allowed to join the meeting");
        assertThat(convene.meeting(review).version()).isEqualTo(2);
    }

    @Test
    void whoeverIsRemovedFromTheAudienceWhileInsideLeavesInTheSameStep() {
        long review = active.meetingId();
        convene.join(john.id(), active.id());
        convene.post(john.id(), active.id(), "before");

        convene.updateMeeting(review, new MeetingDetails("Project Review", "", false, List.of("jane.smith@example.com")),
                OptionalLong.empty());

        assertThat(convene.participants(active.id())).isEmpty();
        var leave = convene.eventsOfInstance(active.id(), 0, 10).get(1);
        assertThat(leave.type()).isEqualTo(EventType.LEAVE_MEETING);
        assertThat(leave.reason()).isEqualTo("removed");
        assertThat(convene.eventsOfUser(john.id())).extracting(e -> e.reason()).containsExactly(null, "removed");
        assertRefused(() -> convene.post(john.id(), active.id(), "after"), Refusal.NOT_IN_MEETING,
                "User is not in the meeting");
    }

    @Test
    void whoeverStaysInTheAudienceStaysInside() {
        long review = active.meetingId();
        convene.join(john.id(), active.id());

        convene.updateMeeting(review, new MeetingDetails("Renamed", "", false, List.of("john.doe@example.com")),
                OptionalLong.empty());

        assertThat(convene.participants(active.id())).extracting(p -> p.userId()).containsExactly(john.id());
        assertThat(convene.eventsOfInstance(active.id(), 0, 10)).hasSize(1);
    }

    @Test
    void meetingsAreListedById() {
        assertThat(convene.meetings(0, 10)).extracting(m -> m.details().title())
                .containsExactly("Team Standup", "Project Review");
    }

    @Test
    void aMeetingWithInstancesCannotBeDeleted() {
        assertRefusedAndUnchanged(() -> convene.deleteMeeting(later.meetingId()), Refusal.MEETING_HAS_INSTANCES,
                "Meeting 1 still has instances; delete them first");
    }

    @Test
    void aMeetingWithoutInstancesCanBeDeleted() {
        convene.deleteInstance(later.id());

        convene.deleteMeeting(later.meetingId());

        assertRefused(() -> convene.meeting(later.meetingId()), Refusal.INVALID_MEETING, "Invalid meeting ID");
        assertThat(convene.meetings(0, 10)).extracting(m -> m.id()).containsExactly(active.meetingId());
    }

    @Test
    void instancesOfAMeetingAreNumberedOneTwoThree() {
        long meeting = later.meetingId();
        var second = convene.createInstance(meeting, new TimeWindow(later.to(), later.to().plus(hours(1))));
        var third = convene.createInstance(meeting, new TimeWindow(second.to().plus(hours(1)), second.to().plus(hours(2))));

        assertThat(convene.instancesOf(meeting)).extracting(MeetingInstance::orderId).containsExactly(1L, 2L, 3L);
        assertThat(third.orderId()).isEqualTo(3);
    }

    @Test
    void anOverlappingInstanceIsRefused() {
        assertRefusedAndUnchanged(() -> convene.createInstance(later.meetingId(),
                        new TimeWindow(later.from().plus(minutes(59)), later.to().plus(hours(1)))),
                Refusal.OVERLAP, "The instance would overlap instance 1 of the same meeting");
    }

    @Test
    void anInstanceEnclosingAnotherIsRefused() {
        assertRefusedAndUnchanged(() -> convene.createInstance(later.meetingId(),
                        new TimeWindow(later.from().minus(minutes(1)), later.to().plus(minutes(1)))),
                Refusal.OVERLAP, "The instance would overlap instance 1 of the same meeting");
    }

    @Test
    void backToBackInstancesDoNotOverlap() {
        var after = convene.createInstance(later.meetingId(), new TimeWindow(later.to(), later.to().plus(hours(1))));

        assertThat(after.status()).isEqualTo(InstanceStatus.SCHEDULED);
        assertThat(convene.instancesOf(later.meetingId())).hasSize(2);
    }

    @Test
    void anInstanceOfAnUnknownMeetingIsRefused() {
        assertRefusedAndUnchanged(() -> convene.createInstance(99, new TimeWindow(T0, T0.plus(hours(1)))),
                Refusal.INVALID_MEETING, "Invalid meeting ID");
    }

    @Test
    void anInstanceEndingInThePastIsRefused() {
        assertRefusedAndUnchanged(() -> convene.createInstance(later.meetingId(),
                        new TimeWindow(T0.minus(hours(3)), T0.minus(hours(2)))),
                Refusal.INVALID_INPUT, "the end (to) must be in the future");
    }

    @Test
    void anInstanceWhoseStartHasPassedIsActiveAtOnce() {
        var started = convene.createInstance(later.meetingId(), new TimeWindow(T0.minus(minutes(1)), T0.plus(minutes(30))));

        assertThat(started.status()).isEqualTo(InstanceStatus.ACTIVE);
    }

    @Test
    void aScheduledInstanceCanBeMoved() {
        var moved = convene.updateInstance(later.id(), new TimeWindow(T0.plus(hours(5)), T0.plus(hours(6))));

        assertThat(moved.from()).isEqualTo(T0.plus(hours(5)));
        assertThat(convene.instance(later.id()).to()).isEqualTo(T0.plus(hours(6)));
    }

    @Test
    void anActiveInstanceMayOnlyChangeItsEnd() {
        assertRefusedAndUnchanged(() -> convene.updateInstance(active.id(),
                        new TimeWindow(active.from().plus(minutes(1)), active.to())),
                Refusal.INSTANCE_STARTED, "Meeting instance 2 has started; only its end can be changed");

        var extended = convene.updateInstance(active.id(), new TimeWindow(active.from(), active.to().plus(hours(1))));
        assertThat(extended.to()).isEqualTo(active.to().plus(hours(1)));
    }

    @Test
    void anEndedInstanceCannotBeChanged() {
        convene.end(active.id());

        assertRefusedAndUnchanged(() -> convene.updateInstance(active.id(),
                        new TimeWindow(active.from(), active.to().plus(hours(1)))),
                Refusal.INSTANCE_ENDED, "Meeting instance 2 has ended and cannot be changed");
    }

    @Test
    void anInstanceWithHistoryCannotBeDeleted() {
        convene.join(john.id(), active.id());
        convene.end(active.id());

        assertRefusedAndUnchanged(() -> convene.deleteInstance(active.id()), Refusal.INSTANCE_IN_USE,
                "Meeting instance 2 is active or has events or chat, and cannot be deleted");
    }

    @Test
    void aDeletedInstanceIsGoneAndNeverScheduled() {
        convene.deleteInstance(later.id());

        assertRefused(() -> convene.instance(later.id()), Refusal.INVALID_INSTANCE, "Invalid meeting instance ID");
        assertThat(store.transitions().dueInstances(T0.plus(Duration.ofDays(3650)), 100)).doesNotContain(later.id());
    }

    @Test
    void aUserTokenHashFindsItsUserUntilRotated() {
        store.credentials().setUserTokenHash(john.id(), "a".repeat(64), org.convene.model.Acting.ROOT, java.time.Instant.now());
        assertThat(store.credentials().userWithTokenHash("a".repeat(64))).map(o -> o.userId()).hasValue(john.id());

        store.credentials().setUserTokenHash(john.id(), "b".repeat(64), org.convene.model.Acting.ROOT, java.time.Instant.now());

        assertThat(store.credentials().userWithTokenHash("a".repeat(64))).isEmpty();
        assertThat(store.credentials().userWithTokenHash("b".repeat(64))).map(o -> o.userId()).hasValue(john.id());
    }

    @Test
    void deletingAUserRetiresTheirToken() {
        var temp = convene.createUser(new UserDetails("Temp", 20, "", "temp@example.com"));
        store.credentials().setUserTokenHash(temp.id(), "c".repeat(64), org.convene.model.Acting.ROOT, java.time.Instant.now());

        convene.deleteUser(temp.id());

        assertThat(store.credentials().userWithTokenHash("c".repeat(64))).isEmpty();
    }

    @Test
    void theFirstAdministratorTokenHashStaysUntilReplaced() {
        assertThat(store.credentials().initAdminTokenHash("1".repeat(64))).isEqualTo("1".repeat(64));
        assertThat(store.credentials().initAdminTokenHash("2".repeat(64))).isEqualTo("1".repeat(64));

        store.credentials().replaceAdminTokenHash("3".repeat(64));

        assertThat(store.credentials().adminTokenHash()).contains("3".repeat(64));
    }

    @Test
    void aResetKeepsTheAdministratorTokenButNothingElse() {
        store.credentials().initAdminTokenHash("9".repeat(64));

        store.maintenance().wipe();

        assertThat(store.credentials().adminTokenHash()).contains("9".repeat(64));
        assertThat(convene.users(0, 10)).isEmpty();
        assertThat(convene.meetings(0, 10)).isEmpty();
        assertThat(store.maintenance().isEmpty()).isTrue();
    }
}
