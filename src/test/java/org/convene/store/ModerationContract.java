package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.convene.model.Actor;
import org.convene.model.Event;
import org.convene.model.EventType;
import org.convene.model.GlobalRole;
import org.convene.model.MeetingDetails;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;
import org.convene.model.SegmentEnd;
import org.convene.model.TimeWindow;
import org.convene.model.User;
import org.convene.model.UserDetails;
import org.convene.testing.Rounds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A host removing a participant, on a real Redis: a leave whose reason is {@code kicked}, its audit record in
 * the same step, the right and the ranks checked against the meeting at that moment. Jane, an organizer,
 * owns a public meeting whose instance is active; John is inside it.
 */
abstract class ModerationContract extends StoreContract {
    User olga;
    long meeting;
    long instance;

    @BeforeEach
    void janeRunsAMeetingJohnIsIn() {
        jane = convene.roles().change(jane.id(), GlobalRole.ORGANIZER, Actor.ROOT, "r");
        olga = convene.roles().change(convene.createUser(new UserDetails("Olga", 40, "", "olga@example.com")).id(),
                GlobalRole.ORGANIZER, Actor.ROOT, "r");
        meeting = convene.createMeeting(new MeetingDetails("Jane's", "", true, List.of()), jane.id()).id();
        instance = convene.createInstance(meeting, new TimeWindow(clock.instant().minus(minutes(1)),
                clock.instant().plus(hours(1)))).id();
        convene.join(john.id(), instance);
    }

    private static Actor as(User user) {
        return new Actor(Actor.Kind.USER, user.id(), user.role());
    }

    private List<StreamMessage<String, String>> audit() throws Exception {
        // What hosts did: the meeting's making and scheduling by hand are recorded too (AuditSealContract).
        return redis().async().xrange(Keys.meeting(meeting) + ":audit", Range.create("-", "+")).get().stream()
                .filter(m -> !java.util.Set.of("meeting_created", "meeting_changed", "meeting_deleted", "instance_scheduled", "instance_moved", "instance_deleted").contains(m.getBody().get("action"))).toList();
    }

    @Test
    void theOwnerRemovesAParticipantWhoseLeaveSaysKickedAndTheRemovalIsRecorded() throws Exception {
        convene.hosting().remove(john.id(), instance, as(jane), "r-k");

        assertThat(convene.participants(instance)).isEmpty();
        Event left = convene.eventsOfInstance(instance, 0, 10).get(1);
        assertThat(left.type()).isEqualTo(EventType.LEAVE_MEETING);
        assertThat(left.reason()).isEqualTo("kicked");
        assertThat(convene.attendance(instance).attendees().get(0).attendee().segments().get(0).endedBy())
                .isEqualTo(SegmentEnd.KICKED);
        assertThat(audit()).singleElement().extracting(StreamMessage::getBody).satisfies(record -> assertThat(record)
                .containsEntry("action", "participant_removed").containsEntry("actorId", Long.toString(jane.id()))
                .containsEntry("target", "user:" + john.id()).containsEntry("requestId", "r-k"));
    }

    @Test
    void anotherOrganizerCannotRemoveAnyone() throws Exception {
        assertRefused(() -> convene.hosting().remove(john.id(), instance, as(olga), "r"), Refusal.ROLE_FORBIDDEN,
                "Only the meeting's hosts (its owner, co-hosts and the administrators) may do this");
        assertThat(convene.participants(instance)).hasSize(1);
        assertThat(audit()).isEmpty();
    }

    @Test
    void anOwnerWhoHandedTheMeetingOverCannotRemoveAnyone() {
        convene.roles().handOver(meeting, olga.id(), as(jane), "r");

        assertRefused(() -> convene.hosting().remove(john.id(), instance, as(jane), "r"), Refusal.ROLE_FORBIDDEN,
                "Only the meeting's hosts (its owner, co-hosts and the administrators) may do this");
    }

    @Test
    void theOwnerCannotRemoveAnAdministrator() {
        User ada = convene.roles().change(convene.createUser(new UserDetails("Ada", 42, "", "ada@example.com")).id(),
                GlobalRole.ADMIN, Actor.ROOT, "r");
        convene.join(ada.id(), instance);

        assertRefused(() -> convene.hosting().remove(ada.id(), instance, as(jane), "r"), Refusal.ROLE_FORBIDDEN,
                "Only root (the administrator token) may remove an administrator");
    }

    @Test
    void onlyAnAdministratorRemovesTheOwner() {
        convene.join(jane.id(), instance);
        convene.roles().handOver(meeting, olga.id(), Actor.ROOT, "r");
        convene.roles().handOver(meeting, jane.id(), Actor.ROOT, "r");

        assertRefused(() -> convene.hosting().remove(jane.id(), instance, as(olga), "r"), Refusal.ROLE_FORBIDDEN,
                "Only the meeting's hosts (its owner, co-hosts and the administrators) may do this");
        convene.hosting().remove(jane.id(), instance, Actor.ROOT, "r");
        assertThat(convene.participants(instance)).extracting(p -> p.userId()).containsExactly(john.id());
    }

    @Test
    void removingSomeoneWhoIsNotInsideIsRefusedAndRecordsNothing() throws Exception {
        convene.leave(john.id(), instance);

        assertRefused(() -> convene.hosting().remove(john.id(), instance, as(jane), "r"), Refusal.NOT_IN_MEETING,
                "User is not in the meeting");
        assertThat(audit()).isEmpty();
    }

    @Test
    void twoHostsRemovingTheSameParticipantAtOnceMakeOneLeaveAndOneRecord() throws Exception {
        User ada = convene.roles().change(convene.createUser(new UserDetails("Ada", 42, "", "ada@example.com")).id(),
                GlobalRole.ADMIN, Actor.ROOT, "r");
        for (int round = 0; round < Rounds.of(20); round++) {
            if (round > 0) convene.join(john.id(), instance);
            AtomicInteger removed = new AtomicInteger();
            CompletableFuture<?> owner = CompletableFuture.runAsync(() -> tryRemove(as(jane), removed));
            CompletableFuture<?> admin = CompletableFuture.runAsync(() -> tryRemove(as(ada), removed));
            CompletableFuture.allOf(owner, admin).join();

            assertThat(removed).as("round " + round).hasValue(1);
            assertThat(audit()).as("round " + round).hasSize(round + 1);
        }
        List<Event> events = new java.util.ArrayList<>();
        for (List<Event> page = convene.eventsOfInstance(instance, 0, 1000); !page.isEmpty();
             page = convene.eventsOfInstance(instance, page.get(page.size() - 1).id(), 1000)) {
            events.addAll(page);
        }
        assertThat(events.stream().filter(e -> "kicked".equals(e.reason()))).hasSize(Rounds.of(20));
        assertThat(convene.attendance(instance).attendees().get(0).attendee().segments())
                .filteredOn(segment -> segment.endedBy() == SegmentEnd.KICKED).hasSize(Rounds.of(20));
    }

    private void tryRemove(Actor actor, AtomicInteger removed) {
        try {
            convene.hosting().remove(john.id(), instance, actor, "race");
            removed.incrementAndGet();
        } catch (RefusedException notInside) {
            assertThat(notInside.refusal()).isEqualTo(Refusal.NOT_IN_MEETING);
        }
    }

    @Test
    void aBanTakesTheUserOutAndTheirJoinIsRefusedSayingBanned() throws Exception {
        var removedFrom = convene.bans().ban(meeting, john.id(), null, "spam", as(jane), "r-b");

        assertThat(removedFrom).hasValue(instance);
        assertThat(convene.participants(instance)).isEmpty();
        assertThat(convene.eventsOfInstance(instance, 0, 10).get(1).reason()).isEqualTo("banned");
        assertRefused(() -> convene.join(john.id(), instance), Refusal.BANNED, "User " + john.id() + " is banned from the meeting");
        assertThat(audit()).singleElement().extracting(StreamMessage::getBody).satisfies(record -> assertThat(record)
                .containsEntry("action", "participant_banned").containsEntry("reason", "spam"));
    }

    @Test
    void aBanUntilATimeLetsTheUserJoinAgainAfterIt() {
        convene.bans().ban(meeting, john.id(), clock.instant().plus(minutes(10)), "", as(jane), "r");

        clock.advance(minutes(11));

        assertThat(convene.join(john.id(), instance).eventId()).isPositive();
    }

    @Test
    void aLiftedBanLetsTheUserJoinAndIsRecorded() throws Exception {
        convene.bans().ban(meeting, john.id(), null, "", as(jane), "r");

        convene.bans().lift(meeting, john.id(), as(jane), "r");

        assertThat(convene.join(john.id(), instance).eventId()).isPositive();
        assertThat(audit()).extracting(m -> m.getBody().get("action")).containsExactly("participant_banned", "participant_unbanned");
    }

    @Test
    void theBansThatHoldAreListedByUser() {
        convene.bans().ban(meeting, olga.id(), clock.instant().plus(minutes(5)), "late", as(jane), "r");
        convene.bans().ban(meeting, john.id(), null, "spam", as(jane), "r");
        clock.advance(minutes(6));

        assertThat(convene.bans().of(meeting)).extracting(b -> b.userId(), b -> b.reason())
                .containsExactly(tuple(john.id(), "spam"));
    }

    @Test
    void theOwnerCannotBanAnAdministratorNorAnotherOrganizerBanAnyone() {
        User ada = convene.roles().change(convene.createUser(new UserDetails("Ada", 42, "", "ada@example.com")).id(),
                GlobalRole.ADMIN, Actor.ROOT, "r");

        assertRefused(() -> convene.bans().ban(meeting, ada.id(), null, "", as(jane), "r"), Refusal.ROLE_FORBIDDEN,
                "Only root (the administrator token) may ban an administrator");
        assertRefused(() -> convene.bans().ban(meeting, john.id(), null, "", as(olga), "r"), Refusal.ROLE_FORBIDDEN,
                "Only the meeting's hosts (its owner, co-hosts and the administrators) may do this");
        assertThat(convene.participants(instance)).hasSize(1);
    }

    @Test
    void aBanRacingAJoinNeverLeavesTheUserInside() throws Exception {
        convene.leave(john.id(), instance);
        for (int round = 0; round < Rounds.of(20); round++) {
            CompletableFuture<?> join = CompletableFuture.runAsync(() -> {
                try {
                    convene.join(john.id(), instance);
                } catch (RefusedException banned) {
                    assertThat(banned.refusal()).isEqualTo(Refusal.BANNED);
                }
            });
            CompletableFuture<?> ban = CompletableFuture.runAsync(() -> convene.bans().ban(meeting, john.id(), null, "", as(jane), "r"));
            CompletableFuture.allOf(join, ban).join();

            assertThat(convene.participants(instance)).as("round " + round).isEmpty();
            convene.bans().lift(meeting, john.id(), as(jane), "r");
        }
    }
}
