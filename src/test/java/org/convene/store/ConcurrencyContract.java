package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.convene.model.Event;
import org.convene.model.EventType;
import org.convene.model.MeetingInstance;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;
import org.convene.model.User;
import org.convene.model.UserDetails;
import org.junit.jupiter.api.Test;

/** Many callers at once: the atomic scripts leave no double join and no participant behind. */
abstract class ConcurrencyContract extends StoreContract {

    @Test
    void thirtyTwoThreadsJoiningOneUserToOneInstanceWriteExactlyOneJoin() throws Exception {
        AtomicInteger alreadyIn = new AtomicInteger();
        runTogether(32, i -> () -> {
            try {
                convene.join(john.id(), active.id());
            } catch (RefusedException e) {
                assertThat(e.refusal()).isEqualTo(Refusal.ALREADY_IN);
                alreadyIn.incrementAndGet();
            }
            return null;
        });

        assertThat(alreadyIn).hasValue(31);
        assertThat(types(convene.eventsOfInstance(active.id(), 0, 100))).containsExactly(EventType.JOIN_MEETING);
    }

    @Test
    void joinsAndLeavesRacingAnEndLeaveNobodyInsideAndCloseEveryJoinOnce() throws Exception {
        MeetingInstance open = openInstance();
        List<User> users = racingAnEnd(open, 24, 40);

        assertThat(convene.participants(open.id())).isEmpty();
        List<Event> log = convene.eventsOfInstance(open.id(), 0, 1000);
        for (User user : users) {
            List<EventType> mine = log.stream().filter(e -> e.userId() == user.id()).map(Event::type).toList();
            for (int k = 0; k < mine.size(); k++) {
                if (k % 2 == 0) assertThat(mine.get(k)).isEqualTo(EventType.JOIN_MEETING);
                else assertThat(mine.get(k)).isIn(EventType.LEAVE_MEETING, EventType.TIMEOUT);
            }
            assertThat(mine.size() % 2).as("every join of user %s is closed", user.id()).isZero();
            assertThat(mine.stream().filter(t -> t == EventType.TIMEOUT).count()).isLessThanOrEqualTo(1);
            if (mine.contains(EventType.TIMEOUT)) assertThat(mine.get(mine.size() - 1)).isEqualTo(EventType.TIMEOUT);
        }
    }

    @Test
    void afterJoinsAndLeavesRacingAnEndTheAttendanceReportIsTheEventsLogSegmentBySegment() throws Exception {
        MeetingInstance open = openInstance();
        racingAnEnd(open, 16, 30);

        var report = convene.attendance(open.id());
        List<Event> log = convene.eventsOfInstance(open.id(), 0, 1000);
        for (var row : report.attendees()) {
            List<Event> mine = log.stream().filter(e -> e.userId() == row.attendee().userId()).toList();
            List<Instant> fromLog = mine.stream().map(Event::timestamp).toList();
            List<Instant> fromReport = row.attendee().segments().stream()
                    .flatMap(seg -> Stream.of(seg.joinedAt(), seg.leftAt())).toList();
            assertThat(fromReport).as("user %s", row.attendee().userId()).isEqualTo(fromLog);
            assertThat(row.attendee().inside()).isFalse();
        }
        assertThat(report.uniqueAttendees()).isEqualTo(log.stream().map(Event::userId).distinct().count());
    }

    /**
     * Makes {@code count} users join and leave {@code open} at random, {@code rounds} times each,
     * while the instance is ended once every one of them is under way; returns the users.
     */
    List<User> racingAnEnd(MeetingInstance open, int count, int rounds) throws Exception {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(convene.createUser(new UserDetails("U" + i, 30, "", "u" + i + "@example.com")));
        }
        // The end comes once every user is under way, so that it races their joins and leaves.
        CountDownLatch underWay = new CountDownLatch(users.size());
        runTogether(users.size() + 1, i -> () -> {
            if (i == users.size()) {
                underWay.await();
                convene.end(open.id());
                return null;
            }
            long user = users.get(i).id();
            for (int round = 0; round < rounds; round++) {
                if (round == 5) underWay.countDown();
                try {
                    if (ThreadLocalRandom.current().nextBoolean()) convene.join(user, open.id());
                    else convene.leave(user, open.id());
                } catch (RefusedException expected) {
                    // not in, already in, or ended: all fine in a race
                }
            }
            return null;
        });
        return users;
    }

    interface Task {
        Callable<Void> of(int index);
    }

    static void runTogether(int threads, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) futures.add(pool.submit(task.of(i)));
            for (Future<Void> future : futures) future.get();
        } finally {
            pool.shutdownNow();
        }
    }
}
