package org.convene.store;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.convene.core.AdjustableClock;
import org.convene.core.Caller;
import org.convene.core.ChatRateLimit;
import org.convene.model.RefusedException;
import org.convene.testing.RedisTargets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chat limit counted on Redis: two nodes (two stores, two connections) allow N in all, not N each. */
class SharedChatLimitTest {
    final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-01-05T10:00:00Z"));
    ChatRateLimit one;
    ChatRateLimit two;

    @BeforeEach
    void twoNodes() {
        RedisStore first = new RedisStore(RedisTargets.embedded(), 1);
        first.maintenance().wipe();
        one = new ChatRateLimit(3, clock, first.allowances());
        two = new ChatRateLimit(3, clock, new RedisStore(RedisConnection.open(RedisTargets.embeddedUrl(), false), 1).allowances());
    }

    @Test
    void twoNodesTogetherAllowTheLimitOnce() {
        Caller ann = Caller.user(7, "ann@example.com");
        one.acquire(ann);
        two.acquire(ann);
        one.acquire(ann);

        assertThatThrownBy(() -> two.acquire(ann)).isInstanceOf(RefusedException.class)
                .hasMessageStartingWith("At most 3 chat messages a minute; try again in 20 s");
    }

    @Test
    void theAllowanceRefillsOnTheClockForEveryNode() {
        Caller ann = Caller.user(7, "ann@example.com");
        for (int i = 0; i < 3; i++) one.acquire(ann);
        clock.advance(Duration.ofSeconds(20));

        two.acquire(ann);
        assertThatThrownBy(() -> one.acquire(ann)).isInstanceOf(RefusedException.class);
    }

    @Test
    void eachUserHasAnAllowanceOfTheirOwn() {
        for (int i = 0; i < 3; i++) one.acquire(Caller.user(7, "ann@example.com"));

        assertThatCode(() -> two.acquire(Caller.user(8, "bob@example.com"))).doesNotThrowAnyException();
    }
}
