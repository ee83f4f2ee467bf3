package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.convene.model.Actor;
import org.convene.model.AuditRecord;
import org.convene.model.ChatMessage;
import org.convene.model.FeedKind;
import org.convene.model.GlobalRole;
import org.convene.model.InstanceActivity;
import org.convene.model.MeetingDetails;
import org.convene.model.MeetingOptions.AttendanceView;
import org.convene.model.MeetingOptions.ChatMode;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;
import org.convene.model.StreamPosition;
import org.convene.model.TimeWindow;
import org.convene.model.User;
import org.convene.model.UserDetails;
import org.convene.testing.Rounds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Co-hosts, message deletion, chat clearing, chat modes and the meeting's options, on a real Redis: each one step
 * with its audit record, the right and the ranks checked against the meeting at that moment. Jane, an organizer,
 * owns a private meeting whose audience is John alone; Cora, a member outside the audience, co-hosts it; its
 * instance is active and John is inside.
 */
abstract class HostingContract extends StoreContract {
    User cora;
    long meeting;
    long instance;

    @BeforeEach
    void janeRunsAPrivateMeetingCoraCoHosts() {
        jane = convene.roles().change(jane.id(), GlobalRole.ORGANIZER, Actor.ROOT, "r");
        cora = convene.createUser(new UserDetails("Cora", 40, "", "cora@example.com"));
        meeting = convene.createMeeting(new MeetingDetails("Jane's", "", false, List.of(john.details().email())),
                jane.id()).id();
        convene.hosting().appoint(meeting, cora.id(), as(jane), "r-a");
        instance = convene.createInstance(meeting, new TimeWindow(clock.instant().minus(minutes(1)),
                clock.instant().plus(hours(1)))).id();
        convene.join(john.id(), instance);
    }

    static Actor as(User user) {
        return new Actor(Actor.Kind.USER, user.id(), user.role());
    }

    private List<StreamMessage<String, String>> audit() throws Exception {
        // What hosts did: the meeting's making and scheduling by hand are recorded too (AuditSealContract).
        return redis().async().xrange(Keys.meeting(meeting) + ":audit", Range.create("-", "+")).get().stream()
                .filter(m -> !java.util.Set.of("meeting_created", "meeting_changed", "meeting_deleted", "instance_scheduled", "instance_moved", "instance_deleted").contains(m.getBody().get("action"))).toList();
    }

    private List<FeedKind> feedKinds() {
        return convene.activity(instance, StreamPosition.START, 1000).stream().map(InstanceActivity::kind).toList();
    }

    @Test
    void theOwnerAppointsACoHostWhomTheMeetingNamesAndTheAppointmentIsRecorded() throws Exception {
        assertThat(convene.meeting(meeting).cohosts()).containsExactly(cora.id());
        assertThat(audit()).extracting(e -> e.getBody().get("action"), e -> e.getBody().get("target"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cohost_appointed", "user:" + cora.id()));
    }

    @Test
    void aCoHostOutsideThePrivateAudienceJoinsAndSeesInsideByRight() {
        convene.join(cora.id(), instance);

        assertThat(convene.participants(instance)).extracting(p -> p.userId()).contains(cora.id());
    }

    @Test
    void aCoHostRemovesAnAttendeeAndTheRemovalNamesThemOnTheFeed() throws Exception {
        convene.hosting().remove(john.id(), instance, as(cora), "r-k");

        assertThat(convene.participants(instance)).isEmpty();
        InstanceActivity removed = convene.activity(instance, StreamPosition.START, 100).stream()
                .filter(a -> a.kind() == FeedKind.PARTICIPANT_REMOVED).findFirst().orElseThrow();
        assertThat(removed.actor()).isEqualTo("user:" + cora.id());
        assertThat(removed.userId()).isEqualTo(john.id());
    }

    @Test
    void aCoHostCannotRemoveTheOwner() {
        convene.join(jane.id(), instance);

        assertRefused(() -> convene.hosting().remove(jane.id(), instance, as(cora), "r"), Refusal.ROLE_FORBIDDEN,
                "Only an administrator may remove the meeting's owner");
    }

    @Test
    void aCoHostCannotRemoveAnotherCoHost() {
        User carl = convene.createUser(new UserDetails("Carl", 40, "", "carl@example.com"));
        convene.hosting().appoint(meeting, carl.id(), as(jane), "r");
        convene.join(carl.id(), instance);

        assertRefused(() -> convene.hosting().remove(carl.id(), instance, as(cora), "r"), Refusal.ROLE_FORBIDDEN,
                "Only the owner or an administrator may remove a co-host");
    }

    @Test
    void aCoHostCannotAppointCoHosts() {
        assertRefused(() -> convene.hosting().appoint(meeting, john.id(), as(cora), "r"), Refusal.ROLE_FORBIDDEN,
                "Only the meeting's owner or an administrator may appoint or revoke co-hosts");
    }

    @Test
    void aCoHostMayResignAndThenRemovesNobody() {
        convene.hosting().revoke(meeting, cora.id(), as(cora), "r");

        assertThat(convene.meeting(meeting).cohosts()).isEmpty();
        assertRefused(() -> convene.hosting().remove(john.id(), instance, as(cora), "r"), Refusal.ROLE_FORBIDDEN,
                "Only the meeting's hosts (its owner, co-hosts and the administrators) may do this");
    }

    @Test
    void nobodyAppointsTheOwnerACoHost() {
        User ada = convene.roles().change(convene.createUser(new UserDetails("Ada", 42, "", "ada@example.com")).id(),
                GlobalRole.ADMIN, Actor.ROOT, "r");

        assertRefused(() -> convene.hosting().appoint(meeting, jane.id(), as(ada), "r"), Refusal.ROLE_FORBIDDEN,
                "The meeting's owner is already its host");
    }

    @Test
    void revokingACoHostWhileTheyRemoveSomeoneNeverRecordsARemovalAfterTheRevocation() throws Exception {
        int rounds = Rounds.of(20);
        for (int round = 0; round < rounds; round++) {
            if (round > 0) {
                convene.hosting().appoint(meeting, cora.id(), as(jane), "r");
                convene.join(john.id(), instance);
            }
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<?> removal = CompletableFuture.runAsync(() -> {
                await(start);
                try {
                    convene.hosting().remove(john.id(), instance, as(cora), "race");
                } catch (RefusedException revokedFirst) {
                    assertThat(revokedFirst.refusal()).isEqualTo(Refusal.ROLE_FORBIDDEN);
                }
            });
            CompletableFuture<?> revocation = CompletableFuture.runAsync(() -> {
                await(start);
                convene.hosting().revoke(meeting, cora.id(), as(jane), "race");
            });
            CompletableFuture.allOf(removal, revocation).join();
            if (!convene.participants(instance).isEmpty()) convene.leave(john.id(), instance);
        }
        List<String> actions = audit().stream().map(e -> e.getBody().get("action")).toList();
        for (int i = 1; i < actions.size(); i++) {
            if (actions.get(i).equals("participant_removed")) {
                assertThat(actions.get(i - 1)).as("what came before removal " + i).isNotEqualTo("cohost_revoked");
            }
        }
        assertThat(actions.stream().filter("cohost_revoked"::equals)).hasSize(rounds);
    }

    @Test
    void twoCoHostsRemovingTheSameAttendeeAtOnceMakeOneLeaveOneClosedSegmentAndOneRecord() throws Exception {
        User carl = convene.createUser(new UserDetails("Carl", 40, "", "carl@example.com"));
        convene.hosting().appoint(meeting, carl.id(), as(jane), "r");
        int rounds = Rounds.of(20);
        long recordsBefore = audit().size();
        for (int round = 0; round < rounds; round++) {
            if (round > 0) convene.join(john.id(), instance);
            CyclicBarrier start = new CyclicBarrier(2);
            java.util.concurrent.atomic.AtomicInteger removed = new java.util.concurrent.atomic.AtomicInteger();
            CompletableFuture<?> one = CompletableFuture.runAsync(() -> removeRacing(start, as(cora), removed));
            CompletableFuture<?> two = CompletableFuture.runAsync(() -> removeRacing(start, as(carl), removed));
            CompletableFuture.allOf(one, two).join();

            assertThat(removed).as("round " + round).hasValue(1);
            assertThat(audit()).as("round " + round).hasSize((int) recordsBefore + round + 1);
        }
        assertThat(convene.attendance(instance).attendees().get(0).attendee().segments())
                .filteredOn(segment -> segment.endedBy() == org.convene.model.SegmentEnd.KICKED).hasSize(rounds);
    }

    private void removeRacing(CyclicBarrier start, Actor actor, java.util.concurrent.atomic.AtomicInteger removed) {
        await(start);
        try {
            convene.hosting().remove(john.id(), instance, actor, "race");
            removed.incrementAndGet();
        } catch (RefusedException notInside) {
            assertThat(notInside.refusal()).isEqualTo(Refusal.NOT_IN_MEETING);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAuthorDeletesTheirOwnMessageWhichIsGoneFromEveryRead() {
        ChatMessage first = convene.post(john.id(), instance, "oops");
        convene.post(john.id(), instance, "kept");

        convene.hosting().deleteMessage(instance, first.id(), as(john), "r-d");

        assertThat(texts(convene.chat(instance, 0, 100))).containsExactly("kept");
        assertThat(texts(convene.chatBefore(instance, 100, 100))).containsExactly("kept");
        assertThat(texts(convene.chatOf(instance, john.id(), 0, 100))).containsExactly("kept");
        assertThat(feedKinds()).contains(FeedKind.MESSAGE_DELETED).filteredOn(k -> k == FeedKind.CHAT).hasSize(1);
    }

    @Test
    void aCoHostDeletesAnAttendeesMessageAndTheDeletionIsRecorded() throws Exception {
        ChatMessage spam = convene.post(john.id(), instance, "spam");

        convene.hosting().deleteMessage(instance, spam.id(), as(cora), "r-d");

        assertThat(convene.chat(instance, 0, 100)).isEmpty();
        assertThat(audit()).last().satisfies(e -> {
            assertThat(e.getBody()).containsEntry("action", "message_deleted").containsEntry("author", "" + john.id())
                    .containsEntry("actorId", "" + cora.id());
            assertThat(e.getBody().values()).doesNotContain("spam");
        });
    }

    @Test
    void aCoHostCannotDeleteTheOwnersMessage() {
        convene.join(jane.id(), instance);
        ChatMessage owners = convene.post(jane.id(), instance, "mine");

        assertRefused(() -> convene.hosting().deleteMessage(instance, owners.id(), as(cora), "r"), Refusal.ROLE_FORBIDDEN,
                "Only an administrator may delete the messages of the meeting's owner");
        assertThat(texts(convene.chat(instance, 0, 10))).containsExactly("mine");
    }

    @Test
    void anAttendeeCannotDeleteSomeoneElsesMessage() {
        convene.join(cora.id(), instance);
        ChatMessage coras = convene.post(cora.id(), instance, "hello");

        assertRefused(() -> convene.hosting().deleteMessage(instance, coras.id(), as(john), "r"), Refusal.ROLE_FORBIDDEN,
                "Only its author or the meeting's hosts may delete a message");
    }

    @Test
    void deletingAMessageThatIsNotThereIsRefusedAsInvalid() {
        assertRefused(() -> convene.hosting().deleteMessage(instance, 99, as(jane), "r"), Refusal.INVALID_MESSAGE,
                "Invalid message ID");
    }

    @Test
    void aRepeatedPostOfADeletedMessageSaysItWasDeleted() {
        ChatMessage first = convene.post(john.id(), instance, "once", "key-1");
        convene.hosting().deleteMessage(instance, first.id(), as(john), "r");

        assertRefused(() -> convene.post(john.id(), instance, "once", "key-1"), Refusal.MESSAGE_DELETED,
                "Message " + first.id() + " was deleted");
    }

    @Test
    void theOwnerClearsTheChatAndNumbersGoOnFromWhereTheyWere() {
        convene.post(john.id(), instance, "a");
        convene.post(john.id(), instance, "b");

        assertThat(convene.hosting().clearChat(instance, as(jane), "r-c")).isEqualTo(2);

        assertThat(convene.chat(instance, 0, 100)).isEmpty();
        assertThat(convene.chatOf(instance, john.id(), 0, 100)).isEmpty();
        assertThat(convene.post(john.id(), instance, "c").id()).isEqualTo(3);
        assertThat(feedKinds()).contains(FeedKind.CHAT_CLEARED);
    }

    @Test
    void aCoHostCannotClearTheChat() {
        convene.post(john.id(), instance, "a");

        assertRefused(() -> convene.hosting().clearChat(instance, as(cora), "r"), Refusal.ROLE_FORBIDDEN,
                "Only the meeting's owner or an administrator may clear the chat");
        assertThat(convene.chat(instance, 0, 10)).hasSize(1);
    }

    @Test
    void withTheChatOffNobodyPosts() {
        convene.join(cora.id(), instance);
        convene.hosting().changeOptions(meeting, ChatMode.OFF, null, null, as(cora), "r-m");

        assertRefused(() -> convene.post(john.id(), instance, "hi"), Refusal.CHAT_CLOSED, "The chat of this meeting is off");
        assertRefused(() -> convene.post(cora.id(), instance, "hi"), Refusal.CHAT_CLOSED, "The chat of this meeting is off");
    }

    @Test
    void withTheChatForHostsOnlyACoHostPostsAndAnAttendeeIsRefused() {
        convene.join(cora.id(), instance);
        convene.hosting().changeOptions(meeting, ChatMode.HOSTS_ONLY, null, null, as(cora), "r-m");

        assertRefused(() -> convene.post(john.id(), instance, "hi"), Refusal.CHAT_CLOSED,
                "The chat of this meeting is open to its hosts only");
        assertThat(convene.post(cora.id(), instance, "order, please").text()).isEqualTo("order, please");
    }

    @Test
    void theChatModeHoldsForInstancesMadeAfterItWasSet() {
        convene.hosting().changeOptions(meeting, ChatMode.OFF, null, null, as(jane), "r");
        convene.end(instance);
        long next = convene.createInstance(meeting, new TimeWindow(clock.instant().plus(hours(2)),
                clock.instant().plus(hours(3)))).id();
        clock.advance(hours(2).plus(minutes(1)));
        convene.join(john.id(), next);

        assertRefused(() -> convene.post(john.id(), next, "hi"), Refusal.CHAT_CLOSED, "The chat of this meeting is off");
    }

    @Test
    void aCoHostMayChangeTheChatModeButNotTheOtherOptions() {
        assertRefused(() -> convene.hosting().changeOptions(meeting, null, true, null, as(cora), "r"),
                Refusal.ROLE_FORBIDDEN, "A co-host may change the chat mode only");
        assertThat(convene.meeting(meeting).options().cohostsCanEnd()).isFalse();
    }

    @Test
    void optionsChangeTheMeetingsVersionAndAreRecordedWithTheirBeforeAndAfter() throws Exception {
        long before = convene.meeting(meeting).version();

        convene.hosting().changeOptions(meeting, null, true, AttendanceView.ADMINS, as(jane), "r-o");

        var after = convene.meeting(meeting);
        assertThat(after.version()).isGreaterThan(before);
        assertThat(after.options().cohostsCanEnd()).isTrue();
        assertThat(after.options().attendanceView()).isEqualTo(AttendanceView.ADMINS);
        assertThat(audit()).last().satisfies(e -> assertThat(e.getBody()).containsEntry("action", "options_changed")
                .containsEntry("after", "attendanceView=admins,cohostsCanEnd=1"));
    }

    @Test
    void aCoHostEndsTheInstanceOnlyWhereTheMeetingAllowsIt() throws Exception {
        assertRefused(() -> convene.end(instance, as(cora), "r"), Refusal.ROLE_FORBIDDEN,
                "This meeting does not let co-hosts end it");

        convene.hosting().changeOptions(meeting, null, true, null, as(jane), "r");
        convene.end(instance, as(cora), "r-e");

        assertThat(convene.instance(instance).status().wireName()).isEqualTo("ended");
        assertThat(audit()).last().satisfies(e -> assertThat(e.getBody()).containsEntry("action", "instance_ended"));
    }

    @Test
    void theOwnerAndCoHostsStayInsideWhenTheAudienceChanges() {
        convene.join(cora.id(), instance);

        convene.updateMeeting(meeting, new MeetingDetails("Jane's", "", false, List.of("someone@example.com")),
                java.util.OptionalLong.empty());

        assertThat(convene.participants(instance)).extracting(p -> p.userId()).containsExactly(cora.id());
        assertThat(convene.meeting(meeting).cohosts()).containsExactly(cora.id());
    }

    @Test
    void theMeetingsAuditIsReadNewestFirstInPages() {
        convene.post(john.id(), instance, "a");
        convene.hosting().clearChat(instance, as(jane), "r-1");
        convene.hosting().remove(john.id(), instance, as(cora), "r-2");

        List<AuditRecord> newest = convene.hosting().audit(meeting, null, 2);
        List<AuditRecord> older = convene.hosting().audit(meeting, newest.get(1).seq(), 10);

        assertThat(newest).extracting(AuditRecord::action).containsExactly("participant_removed", "chat_cleared");
        assertThat(older).extracting(AuditRecord::action).containsExactly("instance_scheduled", "cohost_appointed", "meeting_created");
        assertThat(newest.get(0).actor()).isEqualTo(as(cora));
        assertThat(newest.get(0).requestId()).isEqualTo("r-2");
    }
}
