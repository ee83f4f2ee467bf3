package org.convene.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.convene.model.RefusedException;
import org.junit.jupiter.api.Test;

class ChatRateLimitTest {
    final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-01-05T10:00:00Z"));
    final ChatRateLimit limit = new ChatRateLimit(3, clock);
    final Caller ann = Caller.user(1, "ann@example.com");

    @Test
    void aUserMayPostTheAllowanceAtOnceAndIsThenRefusedWithTheWait() {
        for (int i = 0; i < 3; i++) limit.acquire(ann);

        assertThatThrownBy(() -> limit.acquire(ann)).isInstanceOf(RefusedException.class)
                .satisfies(e -> assertThat(((RefusedException) e).retryAfterSeconds()).isEqualTo(20))
                .hasMessage("At most 3 chat messages a minute; try again in 20 s");
    }

    @Test
    void theAllowanceRefillsWithTime() {
        for (int i = 0; i < 3; i++) limit.acquire(ann);

        clock.advance(Duration.ofSeconds(20));

        limit.acquire(ann);
        assertThatThrownBy(() -> limit.acquire(ann)).isInstanceOf(RefusedException.class);
    }

    @Test
    void eachUserHasTheirOwnAllowance() {
        for (int i = 0; i < 3; i++) limit.acquire(ann);

        limit.acquire(Caller.user(2, "bob@example.com"));
    }

    @Test
    void theAdministratorIsNotLimited() {
        for (int i = 0; i < 100; i++) limit.acquire(Caller.ADMIN);
    }
}
