package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convene.model.ActiveInstance;
import org.convene.model.ChatMessage;
import org.convene.model.EventType;
import org.convene.model.FeedEntry;
import org.convene.model.InstanceActivity;
import org.convene.model.InstanceStatus;
import org.convene.model.MeetingInstance;
import org.convene.model.Participant;
import org.convene.model.FeedKind;
import org.convene.model.Refusal;
import org.convene.model.StreamPosition;
import org.convene.schedule.InstanceScheduler;
import org.junit.jupiter.api.Test;

/** Functions 4 to 9: active meetings, end, post, chat, join times, a user's messages; the events log. */
abstract class EndAndChatContract extends StoreContract {

    @Test
    void activeInstancesListOnlyInstancesActiveNowWithTheirMeetings() {
        assertThat(convene.activeInstances()).singleElement().satisfies(a -> {
            assertThat(a.instance().id()).isEqualTo(active.id());
            assertThat(a.meeting().details().title()).isEqualTo("Project Review");
        });
    }

    @Test
    void activeInstancesIncludeAnInstanceWhoseStartPassedBeforeTheSchedulerRan() {
        clock.set(later.from());

        assertThat(convene.activeInstances()).extracting(a -> a.instance().id()).containsExactly(later.id());
    }

    @Test
    void activeInstancesLeaveOutAnInstanceWhoseEndPassed() {
        clock.set(later.to());

        assertThat(convene.activeInstances()).isEmpty();
    }

    @Test
    void endTimesOutEveryParticipantWithOneEventEach() {
        MeetingInstance open = openInstance();
        convene.join(john.id(), open.id());
        convene.join(jane.id(), open.id());
        convene.leave(jane.id(), open.id());
        convene.join(jane.id(), open.id());

        var ended = convene.end(open.id());

        assertThat(ended.timedOutUserIds()).containsExactly(john.id(), jane.id());
        assertThat(convene.participants(open.id())).isEmpty();
        assertThat(status(convene, open.id())).isEqualTo(InstanceStatus.ENDED);
        assertThat(types(convene.eventsOfInstance(open.id(), 3, 100))).containsExactly(
                EventType.JOIN_MEETING, EventType.TIMEOUT, EventType.TIMEOUT);
    }

    @Test
    void endIsRefusedForAnInstanceThatHasNotStarted() {
        assertRefusedAndUnchanged(() -> convene.end(later.id()), Refusal.NOT_ACTIVE, "Meeting instance is not active");
    }

    @Test
    void endIsRefusedForAnUnknownInstance() {
        assertRefusedAndUnchanged(() -> convene.end(99), Refusal.INVALID_INSTANCE, "Invalid meeting instance ID");
    }

    @Test
    void endingTwiceWritesTheTimeoutsOnce() {
        convene.join(john.id(), active.id());
        convene.end(active.id());

        assertRefusedAndUnchanged(() -> convene.end(active.id()), Refusal.NOT_ACTIVE, "Meeting instance is not active");
        assertThat(types(convene.eventsOfInstance(active.id(), 0, 100)))
                .containsExactly(EventType.JOIN_MEETING, EventType.TIMEOUT);
    }

    @Test
    void endAfterTheWindowPassedIsRefusedButTheScheduledEndStillTimesOutAtTheEndTime() {
        convene.join(john.id(), active.id());
        clock.set(active.to().plus(minutes(5)));

        assertRefused(() -> convene.end(active.id()), Refusal.NOT_ACTIVE, "Meeting instance is not active");
        assertThat(convene.eventsOfInstance(active.id(), 1, 100)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.TIMEOUT);
            assertThat(e.timestamp()).isEqualTo(active.to());
        });
    }

    @Test
    void postStoresTheMessageInPostingOrder() {
        convene.join(john.id(), active.id());

        ChatMessage first = convene.post(john.id(), active.id(), "Hello, everyone!");
        ChatMessage second = convene.post(john.id(), active.id(), "Same millisecond");

        assertThat(first.id()).isEqualTo(1);
        assertThat(second.id()).isEqualTo(2);
        assertThat(convene.chat(active.id(), 0, 100)).containsExactly(first, second);
    }

    @Test
    void postIsRefusedForAnUnknownInstance() {
        assertRefusedAndUnchanged(() -> convene.post(john.id(), 99, "Invalid meeting"), Refusal.INVALID_INSTANCE,
                "Invalid meeting instance ID");
    }

    @Test
    void postIsRefusedForAUserNotInTheMeeting() {
        assertRefusedAndUnchanged(() -> convene.post(john.id(), active.id(), "Hello, everyone!"),
                Refusal.NOT_IN_MEETING, "User is not in the meeting");
    }

    @Test
    void postIsRefusedOnAnInstanceThatHasNotStarted() {
        assertRefusedAndUnchanged(() -> convene.post(jane.id(), later.id(), "Hello world!"),
                Refusal.NOT_IN_MEETING, "User is not in the meeting");
    }

    @Test
    void postIsRefusedAfterTheWindowPassed() {
        convene.join(john.id(), active.id());
        clock.set(active.to());

        assertRefused(() -> convene.post(john.id(), active.id(), "too late"), Refusal.NOT_IN_MEETING,
                "User is not in the meeting");
        assertThat(convene.chat(active.id(), 0, 100)).isEmpty();
    }

    @Test
    void postIsRefusedForEmptyText() {
        convene.join(john.id(), active.id());

        assertRefusedAndUnchanged(() -> convene.post(john.id(), active.id(), "   "), Refusal.INVALID_INPUT,
                "text must not be empty");
    }

    @Test
    void postIsRefusedForTextOverFourThousandCharacters() {
        convene.join(john.id(), active.id());

        assertRefusedAndUnchanged(() -> convene.post(john.id(), active.id(), "x".repeat(4_001)),
                Refusal.INVALID_INPUT, "text must be at most 4000 characters, was 4001");
    }

    @Test
    void postAcceptsFourThousandEmojiBecauseLengthCountsCharactersNotBytes() {
        convene.join(john.id(), active.id());
        String text = "🎉".repeat(4_000);

        convene.post(john.id(), active.id(), text);

        assertThat(texts(convene.chat(active.id(), 0, 10))).containsExactly(text);
    }

    @Test
    void postKeepsUnicodeAndRedisSyntaxExactly() {
        convene.join(john.id(), active.id());
        String text = "Καλημέρα 👋 {m:1} * : \"quoted\" \\ back\nnew line";

        convene.post(john.id(), active.id(), text);

        assertThat(texts(convene.chat(active.id(), 0, 10))).containsExactly(text);
    }

    @Test
    void chatPagesByCursor() {
        convene.join(john.id(), active.id());
        for (int i = 1; i <= 5; i++) convene.post(john.id(), active.id(), "m" + i);

        assertThat(texts(convene.chat(active.id(), 0, 2))).containsExactly("m1", "m2");
        assertThat(texts(convene.chat(active.id(), 2, 2))).containsExactly("m3", "m4");
        assertThat(texts(convene.chat(active.id(), 4, 2))).containsExactly("m5");
        assertThat(convene.chat(active.id(), 5, 2)).isEmpty();
    }

    @Test
    void chatStaysReadableAfterTheInstanceEnded() {
        convene.join(john.id(), active.id());
        convene.post(john.id(), active.id(), "before the end");
        convene.end(active.id());

        assertThat(texts(convene.chat(active.id(), 0, 10))).containsExactly("before the end");
    }

    @Test
    void chatIsRefusedForAnUnknownInstance() {
        assertRefused(() -> convene.chat(99, 0, 10), Refusal.INVALID_INSTANCE, "Invalid meeting instance ID");
    }

    @Test
    void chatOfOneUserHasOnlyTheirMessagesInOrder() {
        MeetingInstance open = openInstance();
        convene.join(john.id(), open.id());
        convene.join(jane.id(), open.id());
        convene.post(john.id(), open.id(), "j1");
        convene.post(jane.id(), open.id(), "x1");
        convene.post(john.id(), open.id(), "j2");

        List<ChatMessage> johns = convene.chatOf(open.id(), john.id(), 0, 10);

        assertThat(texts(johns)).containsExactly("j1", "j2");
        assertThat(johns).extracting(ChatMessage::id).containsExactly(1L, 3L);
        assertThat(texts(convene.chatOf(open.id(), john.id(), 1, 10))).containsExactly("j2");
    }

    @Test
    void joinTimesListEachActiveInstanceWithItsParticipantsLatestJoins() {
        MeetingInstance open = openInstance();
        convene.join(john.id(), active.id());
        clock.advance(minutes(1));
        convene.join(jane.id(), open.id());

        List<ActiveInstance> joinTimes = convene.joinTimes();

        assertThat(joinTimes).extracting(a -> a.instance().id()).containsExactly(active.id(), open.id());
        assertThat(joinTimes.get(0).participants()).containsExactly(new Participant(john.id(), "John Doe", T0));
        assertThat(joinTimes.get(1).participants())
                .containsExactly(new Participant(jane.id(), "Jane Smith", T0.plus(minutes(1))));
    }

    @Test
    void eventsOfAUserSpanMeetingsInTimeOrder() {
        MeetingInstance open = openInstance();
        convene.join(john.id(), active.id());
        clock.advance(minutes(1));
        convene.join(john.id(), open.id());
        clock.advance(minutes(1));
        convene.leave(john.id(), active.id());

        assertThat(convene.eventsOfUser(john.id()))
                .extracting(e -> e.instanceId() + ":" + e.type().seedName())
                .containsExactly(active.id() + ":join_meeting", open.id() + ":join_meeting",
                        active.id() + ":leave_meeting");
    }

    @Test
    void eventsOfAnUnknownUserAreRefused() {
        assertRefused(() -> convene.eventsOfUser(99), Refusal.INVALID_USER, "Invalid user ID");
    }

    @Test
    void eventsOfAnInstancePageByCursor() {
        convene.join(john.id(), active.id());
        convene.leave(john.id(), active.id());
        convene.join(john.id(), active.id());

        assertThat(convene.eventsOfInstance(active.id(), 1, 1)).extracting(e -> e.id()).containsExactly(2L);
    }

    @Test
    void importedHistoryKeepsItsOriginalTimeAndWritesNoEvents() {
        convene.end(active.id());

        ChatMessage imported = convene.importMessage(jane.id(), active.id(), "Hi, John!", active.from().plusSeconds(5));

        assertThat(convene.chat(active.id(), 0, 10)).containsExactly(imported);
        assertThat(imported.timestamp()).isEqualTo(active.from().plusSeconds(5));
        assertThat(convene.eventsOfInstance(active.id(), 0, 10)).isEmpty();
    }

    @Test
    void importingHistoryIntoAnInstanceThatHasNotEndedIsRefused() {
        assertRefusedAndUnchanged(() -> convene.importMessage(jane.id(), active.id(), "early", active.from()),
                Refusal.INVALID_INPUT, "history can only be imported into an instance that has ended");
    }

    @Test
    void importingHistoryOutsideTheWindowIsRefused() {
        convene.end(active.id());

        assertRefusedAndUnchanged(() -> convene.importMessage(jane.id(), active.id(), "late", active.to()),
                Refusal.INVALID_INPUT, "at must lie within the instance window");
    }

    @Test
    void importingHistoryForAnUnknownUserIsRefused() {
        convene.end(active.id());

        assertRefusedAndUnchanged(() -> convene.importMessage(99, active.id(), "who?", active.from()),
                Refusal.INVALID_USER, "Invalid user ID");
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyReturnsTheFirstMessageAndStoresNothing() {
        convene.join(john.id(), active.id());
        ChatMessage first = convene.post(john.id(), active.id(), "only once", "key-1");
        clock.advance(minutes(1));

        ChatMessage retried = convene.post(john.id(), active.id(), "only once", "key-1");

        assertThat(retried).isEqualTo(first);
        assertThat(convene.chat(active.id(), 0, 10)).containsExactly(first);
    }

    @Test
    void anIdempotencyKeyBelongsToOneUser() {
        MeetingInstance open = openInstance();
        convene.join(john.id(), open.id());
        convene.join(jane.id(), open.id());
        convene.post(john.id(), open.id(), "john's", "same-key");

        convene.post(jane.id(), open.id(), "jane's", "same-key");

        assertThat(texts(convene.chat(open.id(), 0, 10))).containsExactly("john's", "jane's");
    }

    @Test
    void anIdempotencyKeyWithSpacesIsRefused() {
        convene.join(john.id(), active.id());

        assertRefusedAndUnchanged(() -> convene.post(john.id(), active.id(), "x", "two words"),
                Refusal.INVALID_INPUT, "Idempotency-Key must be 1 to 128 visible ASCII characters");
    }

    @Test
    void theLiveFeedHasEveryChangeInOrderWithChatText() {
        convene.join(john.id(), active.id());
        convene.post(john.id(), active.id(), "hello 👋");
        convene.leave(john.id(), active.id());
        convene.join(john.id(), active.id());
        convene.end(active.id());

        var feed = store.feeds().activity(active.id(), StreamPosition.START, 100);

        assertThat(feed).extracting(e -> e.kind().wireName())
                .containsExactly("activated", "join_meeting", "chat", "leave_meeting", "join_meeting", "timeout", "ended");
        assertThat(feed.get(2).text()).isEqualTo("hello 👋");
        assertThat(feed.get(2).number()).isEqualTo(1);
        assertThat(feed.get(5).userId()).isEqualTo(john.id());
    }

    @Test
    void theLiveFeedResumesAfterTheLastIdSeen() {
        convene.join(john.id(), active.id());
        var seen = store.feeds().activity(active.id(), StreamPosition.START, 100);
        convene.post(john.id(), active.id(), "after");

        var rest = store.feeds().activity(active.id(), seen.get(seen.size() - 1).position(), 100);

        assertThat(rest).extracting(FeedEntry::kind).containsExactly(FeedKind.CHAT);
    }

    @Test
    void theLifecycleFeedRecordsEachTransitionOnce() {
        var scheduler = new InstanceScheduler(store.transitions(), clock, Duration.ofSeconds(1), t -> { });
        clock.set(later.from());
        scheduler.tick();
        scheduler.tick();
        convene.end(later.id());
        scheduler.tick();

        assertThat(store.feeds().lifecycle(StreamPosition.START, 100)).filteredOn(e -> e.instanceId() == later.id())
                .extracting(FeedEntry::kind)
                .containsExactly(FeedKind.SCHEDULED, FeedKind.ACTIVATED, FeedKind.ENDED);
    }

    @Test
    void aFeedWatchNamesTheInstanceOfAPostAndOfAJoin() {
        MeetingInstance open = openInstance();
        convene.join(john.id(), active.id());
        try (var watch = store.feeds().watch()) {
            convene.join(jane.id(), open.id());
            convene.post(john.id(), active.id(), "announced");

            Set<Long> named = new HashSet<>();
            for (int i = 0; i < 50 && !named.containsAll(List.of(open.id(), active.id())); i++) {
                named.addAll(watch.next(Duration.ofMillis(200)));
            }
            assertThat(named).contains(open.id(), active.id());
        }
    }

    @Test
    void aFeedWatchStartsFromThePresent() {
        convene.join(john.id(), active.id());
        convene.post(john.id(), active.id(), "before the watch");
        convene.activeInstances(); // awaited on the projection's slot: the word sent before it has landed
        try (var watch = store.feeds().watch()) {
            assertThat(watch.next(Duration.ofMillis(50))).isEmpty();
        }
    }

    @Test
    void theBatchedFeedReadAnswersEachInstanceFromItsPositionAndLeavesOutOnesThatAreGone() {
        MeetingInstance open = openInstance();
        convene.join(jane.id(), open.id());
        convene.join(john.id(), active.id());
        convene.post(john.id(), active.id(), "one");
        StreamPosition afterOne = store.feeds().activity(active.id(), StreamPosition.START, 100).stream()
                .filter(e -> "one".equals(e.text())).findFirst().orElseThrow().position();
        convene.post(john.id(), active.id(), "two");

        var read = store.feeds().activity(Map.of(active.id(), afterOne, open.id(), StreamPosition.START,
                999_999L, StreamPosition.START), 100);

        assertThat(read).containsOnlyKeys(active.id(), open.id());
        assertThat(read.get(active.id())).extracting(InstanceActivity::text).containsExactly("two");
        assertThat(read.get(open.id())).extracting(FeedEntry::kind).contains(FeedKind.JOIN_MEETING);
    }
}
