package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.convene.core.AdjustableClock;
import org.convene.core.Convene;
import org.convene.model.ChatMessage;
import org.convene.model.Event;
import org.convene.model.EventType;
import org.convene.model.InstanceStatus;
import org.convene.model.MeetingDetails;
import org.convene.model.MeetingInstance;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;
import org.convene.model.TimeWindow;
import org.convene.model.User;
import org.convene.model.UserDetails;
import org.convene.testing.RedisSnapshot;
import org.convene.testing.SeedWorld;
import org.junit.jupiter.api.BeforeEach;

/**
 * The world most store tests start from, on a real Redis: John (1) and Jane (2); the public
 * meeting 1 and meeting 2, private to John; instance 1 of meeting 1, still to start; instance 2
 * of meeting 2, active. Subclasses choose the Redis.
 */
abstract class StoreContract {
    static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    final AdjustableClock clock = new AdjustableClock(T0);
    RedisStore store;
    Convene convene;
    User john;
    User jane;
    MeetingInstance later;
    MeetingInstance active;

    abstract RedisConnection redis();

    @BeforeEach
    void startFromTheSeedWorld() {
        redis().flush(redis().dataDatabase());
        if (!redis().isCluster()) redis().flush(1);
        store = new RedisStore(redis(), 1);
        convene = new Convene(store, clock);
        SeedWorld world = SeedWorld.write(convene, new TimeWindow(T0.plus(hours(1)), T0.plus(hours(2))),
                new TimeWindow(T0.minus(minutes(10)), T0.plus(hours(1))));
        john = world.john();
        jane = world.jane();
        later = world.first();
        active = world.second();
    }

    static Duration hours(long n) {
        return Duration.ofHours(n);
    }

    static Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }

    /** A public meeting with one instance active now, that anyone may join. */
    MeetingInstance openInstance() {
        long meeting = convene.createMeeting(new MeetingDetails("Open", "", true, List.of())).id();
        return convene.createInstance(meeting, new TimeWindow(clock.instant().minus(minutes(1)),
                clock.instant().plus(hours(1))));
    }

    /** Asserts that {@code call} is refused for {@code refusal} with exactly {@code message}. */
    static void assertRefused(ThrowingCallable call, Refusal refusal, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RefusedException.class, e -> {
            assertThat(e.refusal()).isEqualTo(refusal);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    /** Everything a refusal must leave as it was, for the seed world's two instances. */
    record Snapshot(Object participants, Object events, Object chat, Object instances, Object users) {}

    Snapshot snapshot() {
        return new Snapshot(
                List.of(convene.participants(later.id()), convene.participants(active.id())),
                List.of(convene.eventsOfInstance(later.id(), 0, 1000), convene.eventsOfInstance(active.id(), 0, 1000)),
                List.of(convene.chat(later.id(), 0, 1000), convene.chat(active.id(), 0, 1000)),
                List.of(convene.instance(later.id()), convene.instance(active.id())),
                convene.users(0, 1000));
    }

    /** Asserts the refusal and that nothing changed: every key byte for byte where the server can be scanned whole. */
    void assertRefusedAndUnchanged(ThrowingCallable call, Refusal refusal, String message) {
        Object before = everything();
        assertRefused(call, refusal, message);
        assertThat(everything()).isEqualTo(before);
    }

    private Object everything() {
        return redis().isCluster() ? snapshot() : List.of(snapshot(), RedisSnapshot.of(redis()));
    }

    static List<EventType> types(List<Event> events) {
        return events.stream().map(Event::type).toList();
    }

    static List<String> texts(List<ChatMessage> messages) {
        return messages.stream().map(ChatMessage::text).toList();
    }

    static InstanceStatus status(Convene convene, long instanceId) {
        return convene.instance(instanceId).status();
    }

    static OptionalLong any() {
        return OptionalLong.empty();
    }
}
