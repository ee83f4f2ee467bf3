package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.convene.model.EventType;
import org.convene.model.JoinResult;
import org.convene.model.MeetingDetails;
import org.convene.model.MeetingInstance;
import org.convene.model.Participant;
import org.convene.model.Refusal;
import org.convene.model.TimeWindow;
import org.convene.model.UserDetails;
import org.junit.jupiter.api.Test;

/** Functions 1, 2 and 3: join, leave, current participants. */
abstract class JoinAndLeaveContract extends StoreContract {

    @Test
    void joinAddsTheParticipantAndWritesOneJoinEvent() {
        JoinResult joined = convene.join(john.id(), active.id());

        assertThat(joined.eventId()).isEqualTo(1);
        assertThat(convene.participants(active.id()))
                .containsExactly(new Participant(john.id(), "John Doe", T0));
        assertThat(convene.eventsOfInstance(active.id(), 0, 100))
                .singleElement().satisfies(e -> {
                    assertThat(e.type()).isEqualTo(EventType.JOIN_MEETING);
                    assertThat(e.userId()).isEqualTo(john.id());
                    assertThat(e.timestamp()).isEqualTo(T0);
                });
    }

    @Test
    void joinIsRefusedForAnUnknownUser() {
        assertRefusedAndUnchanged(() -> convene.join(99, active.id()), Refusal.INVALID_USER, "Invalid user ID");
    }

    @Test
    void joinIsRefusedForAnUnknownUserEvenWhenTheInstanceIsUnknownToo() {
        assertRefusedAndUnchanged(() -> convene.join(99, 99), Refusal.INVALID_USER, "Invalid user ID");
    }

    @Test
    void joinIsRefusedForAnUnknownInstance() {
        assertRefusedAndUnchanged(() -> convene.join(john.id(), 99), Refusal.INVALID_INSTANCE,
                "Invalid meeting instance ID");
    }

    @Test
    void joinIsRefusedBeforeTheInstanceStarts() {
        assertRefusedAndUnchanged(() -> convene.join(john.id(), later.id()), Refusal.NOT_ACTIVE,
                "Meeting instance is not active");
    }

    @Test
    void joinIsAllowedAtTheVeryStartOfTheWindow() {
        clock.set(later.from());

        convene.join(john.id(), later.id());

        assertThat(convene.participants(later.id())).extracting(Participant::userId).containsExactly(john.id());
    }

    @Test
    void joinIsRefusedAtTheEndOfTheWindowEvenBeforeTheSchedulerRuns() {
        clock.set(active.to());

        assertRefused(() -> convene.join(john.id(), active.id()), Refusal.NOT_ACTIVE, "Meeting instance is not active");
        assertThat(convene.participants(active.id())).isEmpty();
    }

    @Test
    void joinIsRefusedWhenTheInstanceWasEndedEarly() {
        convene.end(active.id());

        assertRefusedAndUnchanged(() -> convene.join(john.id(), active.id()), Refusal.NOT_ACTIVE,
                "Meeting instance is not active");
    }

    @Test
    void joinIsRefusedForAUserOutsideAPrivateAudience() {
        assertRefusedAndUnchanged(() -> convene.join(jane.id(), active.id()), Refusal.NOT_ALLOWED,
                "User 2 not allowed to join the meeting");
    }

    @Test
    void joinComparesTheAudienceTrimmedAndCaseInsensitively() {
        long meeting = convene.createMeeting(new MeetingDetails("Mixed case", "", false,
                List.of("  Jane.Smith@EXAMPLE.com "))).id();
        MeetingInstance instance = convene.createInstance(meeting, new TimeWindow(T0, T0.plus(hours(1))));

        convene.join(jane.id(), instance.id());

        assertThat(convene.participants(instance.id())).extracting(Participant::userId).containsExactly(jane.id());
    }

    @Test
    void joinIsRefusedWhenTheUserIsAlreadyIn() {
        convene.join(john.id(), active.id());

        assertRefusedAndUnchanged(() -> convene.join(john.id(), active.id()), Refusal.ALREADY_IN,
                "User is already in the meeting");
    }

    @Test
    void rejoiningAfterLeavingIsAllowedAndShowsTheLatestJoinTime() {
        convene.join(john.id(), active.id());
        convene.leave(john.id(), active.id());
        clock.advance(Duration.ofMinutes(5));

        convene.join(john.id(), active.id());

        assertThat(convene.participants(active.id()))
                .containsExactly(new Participant(john.id(), "John Doe", T0.plus(minutes(5))));
        assertThat(types(convene.eventsOfInstance(active.id(), 0, 100)))
                .containsExactly(EventType.JOIN_MEETING, EventType.LEAVE_MEETING, EventType.JOIN_MEETING);
    }

    @Test
    void leaveRemovesTheParticipantAndWritesALeaveEvent() {
        convene.join(john.id(), active.id());
        clock.advance(Duration.ofSeconds(30));

        var left = convene.leave(john.id(), active.id());

        assertThat(left.eventId()).isEqualTo(2);
        assertThat(convene.participants(active.id())).isEmpty();
        assertThat(convene.eventsOfInstance(active.id(), 1, 100)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.LEAVE_MEETING);
            assertThat(e.timestamp()).isEqualTo(T0.plusSeconds(30));
        });
    }

    @Test
    void leaveIsRefusedForAUserWhoNeverJoined() {
        assertRefusedAndUnchanged(() -> convene.leave(jane.id(), later.id()), Refusal.NOT_JOINED,
                "User has not joined the meeting");
    }

    @Test
    void leaveIsRefusedForAUserWhoAlreadyLeft() {
        convene.join(john.id(), active.id());
        convene.leave(john.id(), active.id());

        assertRefusedAndUnchanged(() -> convene.leave(john.id(), active.id()), Refusal.ALREADY_LEFT,
                "User has already left the meeting");
    }

    @Test
    void leaveIsRefusedForAnUnknownInstance() {
        assertRefusedAndUnchanged(() -> convene.leave(john.id(), 99), Refusal.INVALID_INSTANCE,
                "Invalid meeting instance ID");
    }

    @Test
    void participantsAreListedByJoinTimeWithTheirNames() {
        MeetingInstance open = openInstance();
        convene.join(jane.id(), open.id());
        clock.advance(Duration.ofSeconds(1));
        convene.join(john.id(), open.id());

        assertThat(convene.participants(open.id())).containsExactly(
                new Participant(jane.id(), "Jane Smith", T0),
                new Participant(john.id(), "John Doe", T0.plusSeconds(1)));
    }

    @Test
    void participantsOfAnInstanceThatHasNotStartedAreEmpty() {
        assertThat(convene.participants(later.id())).isEmpty();
    }

    @Test
    void participantsAreRefusedForAnUnknownInstance() {
        assertRefused(() -> convene.participants(99), Refusal.INVALID_INSTANCE, "Invalid meeting instance ID");
    }

    @Test
    void aUserWithAnEmojiNameRoundTripsExactly() {
        var user = convene.createUser(new UserDetails("Zoë 🎉 {x}:*", 40, "", "zoe@example.com"));
        MeetingInstance open = openInstance();

        convene.join(user.id(), open.id());

        assertThat(convene.participants(open.id())).extracting(Participant::name).containsExactly("Zoë 🎉 {x}:*");
    }

    @Test
    void functionsFourAndEightSeeAJoinAndALeaveAtOnce() {
        convene.join(john.id(), active.id());
        assertThat(convene.joinTimes()).singleElement().satisfies(a ->
                assertThat(a.participants()).extracting(p -> p.userId()).containsExactly(john.id()));

        convene.leave(john.id(), active.id());

        assertThat(convene.joinTimes()).singleElement().satisfies(a -> assertThat(a.participants()).isEmpty());
    }

    @Test
    void aWriteToTheLiveViewLostBetweenTheTwoStepsIsHealedByTheRepairPass() {
        convene.joinTimes(); // the node keeps the view from here on, and reads what changed since
        store.pauseLiveView(true);
        convene.join(john.id(), active.id());
        store.pauseLiveView(false);
        assertThat(convene.joinTimes()).as("the crash left the view behind").singleElement()
                .satisfies(a -> assertThat(a.participants()).isEmpty());

        store.transitions().repairViews(clock.instant());

        assertThat(convene.joinTimes()).singleElement().satisfies(a ->
                assertThat(a.participants()).extracting(p -> p.userId()).containsExactly(john.id()));
    }

    @Test
    void theRepairPassDropsAnInstanceTheViewStillShowsAfterItsEnd() {
        convene.joinTimes(); // the node keeps the view from here on, and reads what changed since
        store.pauseLiveView(true);
        convene.end(active.id());
        store.pauseLiveView(false);

        store.transitions().repairViews(clock.instant());

        assertThat(convene.activeInstances()).isEmpty();
        assertThat(convene.joinTimes()).isEmpty();
    }

    @Test
    void anActiveInstanceIsShownOnceItsStartPassesWithNoSchedulerRunning() {
        clock.set(later.from());

        assertThat(convene.activeInstances()).extracting(a -> a.instance().id()).contains(later.id());
    }
}
