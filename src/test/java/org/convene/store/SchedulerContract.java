package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.convene.model.EventType;
import org.convene.model.FeedEntry;
import org.convene.model.FeedKind;
import org.convene.model.InstanceStatus;
import org.convene.model.MeetingDetails;
import org.convene.model.MeetingInstance;
import org.convene.model.StreamPosition;
import org.convene.model.TimeWindow;
import org.convene.schedule.InstanceScheduler;
import org.convene.schedule.Transition;
import org.junit.jupiter.api.Test;

/** The scheduler: on time, exactly once, catching up after downtime, safe with several running. */
abstract class SchedulerContract extends StoreContract {

    InstanceScheduler scheduler() {
        return new InstanceScheduler(store.transitions(), clock, Duration.ofMillis(50), t -> { });
    }

    @Test
    void nothingIsActivatedBeforeItsStart() {
        clock.set(later.from().minusMillis(1));

        assertThat(scheduler().tick()).isEmpty();
        assertThat(status(convene, later.id())).isEqualTo(InstanceStatus.SCHEDULED);
    }

    @Test
    void anInstanceIsActivatedAtItsStart() {
        clock.set(later.from());

        assertThat(scheduler().tick()).contains(new Transition(later.id(), Transition.Kind.ACTIVATED, List.of(), later.from()));
    }

    @Test
    void anInstanceIsEndedAtItsEndAndItsParticipantsTimeOutAtThatTime() {
        convene.join(john.id(), active.id());
        clock.set(active.to().plusSeconds(2));

        assertThat(scheduler().tick()).contains(new Transition(active.id(), Transition.Kind.ENDED, List.of(john.id()), active.to()));
        assertThat(convene.eventsOfInstance(active.id(), 1, 10)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.TIMEOUT);
            assertThat(e.timestamp()).isEqualTo(active.to());
        });
    }

    @Test
    void theNextDueTimeIsTheEarliestStartOrEnd() {
        assertThat(store.transitions().nextDue()).contains(later.from());
    }

    @Test
    void backToBackInstancesOfOneMeetingHandOverAtTheSameInstant() {
        var next = convene.createInstance(active.meetingId(), new TimeWindow(active.to(), active.to().plus(hours(1))));
        clock.set(active.to());

        assertThat(scheduler().tick()).contains(
                new Transition(active.id(), Transition.Kind.ENDED, List.of(), active.to()),
                new Transition(next.id(), Transition.Kind.ACTIVATED, List.of(), next.from()));
    }

    @Test
    void afterDowntimeEveryDueTransitionHappensOnceAndAPassedWindowIsEnded() {
        convene.join(john.id(), active.id());
        clock.set(later.to().plus(hours(1)));

        InstanceScheduler restarted = scheduler();
        List<Transition> caughtUp = restarted.tick();

        assertThat(caughtUp).containsExactlyInAnyOrder(
                new Transition(active.id(), Transition.Kind.ENDED, List.of(john.id()), active.to()),
                new Transition(later.id(), Transition.Kind.ENDED, List.of(), later.to()));
        assertThat(restarted.tick()).isEmpty();
        assertThat(status(convene, later.id())).isEqualTo(InstanceStatus.ENDED);
        assertThat(store.transitions().nextDue()).isEmpty();
    }

    @Test
    void twoSchedulersApplyEachTransitionOnce() throws Exception {
        List<MeetingInstance> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long meeting = convene.createMeeting(new MeetingDetails("M" + i, "", true, List.of())).id();
            many.add(convene.createInstance(meeting, new TimeWindow(T0.minusSeconds(1), T0.plusSeconds(10 + i))));
            convene.join(john.id(), many.get(i).id());
        }
        clock.set(T0.plus(hours(3)));
        List<Transition> seen = Collections.synchronizedList(new ArrayList<>());
        RedisStore otherProcess = new RedisStore(redis(), 1);
        InstanceScheduler first = new InstanceScheduler(store.transitions(), clock, Duration.ofMillis(50), seen::add);
        InstanceScheduler second = new InstanceScheduler(otherProcess.transitions(), clock, Duration.ofMillis(50), seen::add);
        CountDownLatch go = new CountDownLatch(1);
        Thread a = new Thread(() -> await(go, first::tick));
        Thread b = new Thread(() -> await(go, second::tick));
        a.start();
        b.start();
        go.countDown();
        a.join();
        b.join();

        assertThat(seen).hasSize(62).doesNotHaveDuplicates();
        for (MeetingInstance instance : many) {
            assertThat(types(convene.eventsOfInstance(instance.id(), 0, 10)))
                    .containsExactly(EventType.JOIN_MEETING, EventType.TIMEOUT);
        }
    }

    @Test
    void anAdministratorAndTheSchedulerEndingTogetherWriteTheTimeoutsOnce() throws Exception {
        convene.join(john.id(), active.id());
        clock.set(active.to().minusMillis(1));
        CountDownLatch go = new CountDownLatch(1);
        Thread admin = new Thread(() -> await(go, () -> {
            try {
                convene.end(active.id());
            } catch (RuntimeException refusedBecauseTheSchedulerWasFirst) {
                // either may win
            }
        }));
        admin.start();
        go.countDown();
        clock.set(active.to());
        scheduler().tick();
        admin.join();

        assertThat(types(convene.eventsOfInstance(active.id(), 0, 10)))
                .containsExactly(EventType.JOIN_MEETING, EventType.TIMEOUT);
    }

    @Test
    void theBackgroundLoopAppliesTransitionsAndReportsThem() throws Exception {
        CountDownLatch activated = new CountDownLatch(1);
        try (InstanceScheduler running = new InstanceScheduler(store.transitions(), clock, Duration.ofMillis(20), t -> {
            if (t.instanceId() == later.id() && t.kind() == Transition.Kind.ACTIVATED) activated.countDown();
        })) {
            running.start();
            clock.set(later.from());
            running.wakeUp();

            assertThat(activated.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(status(convene, later.id())).isEqualTo(InstanceStatus.ACTIVE);
    }

    @Test
    void theBackgroundLoopWakesForTheNextDueTimeNotForItsPollInterval() throws Exception {
        Instant start = Instant.now().plusMillis(300);
        var soon = convene.createInstance(later.meetingId(), new TimeWindow(start, start.plusSeconds(3600)));
        CountDownLatch activated = new CountDownLatch(1);
        try (InstanceScheduler running = new InstanceScheduler(store.transitions(), Clock.systemUTC(),
                Duration.ofMinutes(10), t -> {
            if (t.instanceId() == soon.id()) activated.countDown();
        })) {
            running.start();

            assertThat(activated.await(30, TimeUnit.SECONDS)).as("woken by the due time, not the 10-minute poll").isTrue();
        }
    }

    @Test
    void aWindowThatPassedUnseenIsShownActivatedThenEnded() {
        clock.set(later.to().plus(hours(1)));
        scheduler().tick();

        assertThat(store.feeds().activity(later.id(), StreamPosition.START, 10))
                .extracting(FeedEntry::kind).containsExactly(FeedKind.ACTIVATED, FeedKind.ENDED);
        assertThat(lifecycleOf(later)).containsExactly(FeedKind.SCHEDULED, FeedKind.ACTIVATED, FeedKind.ENDED);
    }

    @Test
    void aLateHintOfAnEarlierStageChangesNothing() {
        clock.set(later.from());
        scheduler().tick();
        clock.set(later.to());
        scheduler().tick();

        // The activation's hint once more, as a node that stalled between its settle and its hint would send it.
        new DueTimes(new RedisCalls(redis(), 1)).statuses(List.of(Long.toString(later.id()), "active",
                Long.toString(later.from().toEpochMilli()), Long.toString(later.to().toEpochMilli())));

        assertThat(lifecycleOf(later)).containsExactly(FeedKind.SCHEDULED, FeedKind.ACTIVATED, FeedKind.ENDED);
        assertThat(store.transitions().dueInstances(later.to().plus(hours(1)), 10)).as("the ended instance is not due again")
                .doesNotContain(later.id());
    }

    @Test
    void anEndReportedBeforeTheActivationWasHintedShowsTheActivationFirst() {
        clock.set(later.from().plusSeconds(1));
        convene.end(later.id()); // settles (activates) and ends in one script; the activation's own hint never came

        assertThat(lifecycleOf(later)).containsExactly(FeedKind.SCHEDULED, FeedKind.ACTIVATED, FeedKind.ENDED);
    }

    @Test
    void aSettleThatFindsNoSuchInstanceDoesNotDropAnAnnouncedOne() {
        // What a stopped primary answers for a moment after it resumes, before it learns that its replica took
        // over: no such instance, for one the replica holds. The hint takes a second look (in 5 s, by Redis's own
        // clock) rather than showing the instance deleted and letting its end go.
        new DueTimes(new RedisCalls(redis(), 1)).statuses(List.of(Long.toString(later.id()), "unknown", "0", "0"));

        assertThat(lifecycleOf(later)).containsExactly(FeedKind.SCHEDULED);
        Instant secondLook = Instant.now().plusSeconds(10);
        assertThat(store.transitions().dueInstances(secondLook, 100)).contains(later.id());
        clock.set(secondLook);
        scheduler().tick();

        assertThat(status(convene, later.id())).isEqualTo(InstanceStatus.ENDED);
        assertThat(lifecycleOf(later)).containsExactly(FeedKind.SCHEDULED, FeedKind.ACTIVATED, FeedKind.ENDED);
        assertThat(store.feeds().lifecycle(StreamPosition.START, 100)).filteredOn(e -> e.instanceId() == later.id()
                && e.kind() == FeedKind.ACTIVATED).singleElement().satisfies(e -> assertThat(e.from()).isEqualTo(later.from()));
    }

    @Test
    void anInstanceThatCannotBeSettledDoesNotHoldUpTheOthers() throws Exception {
        // A broken instance stands for one whose shard does not answer: its settle fails every time.
        redis().async().hset(Keys.instance(active.meetingId(), active.id()), "to", "not a time").get();
        clock.set(later.from());

        List<Transition> made = scheduler().tick();

        assertThat(made).contains(new Transition(later.id(), Transition.Kind.ACTIVATED, List.of(), later.from()));
        assertThat(store.transitions().dueInstances(later.from(), 10)).as("still due: tried again next tick")
                .contains(active.id()).doesNotContain(later.id());
    }

    private List<FeedKind> lifecycleOf(MeetingInstance instance) {
        return store.feeds().lifecycle(StreamPosition.START, 100).stream()
                .filter(e -> e.instanceId() == instance.id()).map(FeedEntry::kind).toList();
    }

    static void await(CountDownLatch go, Runnable work) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        work.run();
    }
}
