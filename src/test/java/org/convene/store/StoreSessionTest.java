package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.convene.core.StoreUnavailableException;
import org.junit.jupiter.api.Test;

/**
 * A node that starts while Redis does not answer (the fault run restarted one while a primary was stopped,
 * and it gave up at once) asks again until Redis answers, within a bound.
 */
class StoreSessionTest {

    @Test
    void aStartThatRedisDoesNotAnswerIsTriedAgainUntilItDoes() {
        AtomicInteger tries = new AtomicInteger();

        StoreSession.whileRedisAnswers(() -> {
            if (tries.incrementAndGet() < 3) throw new StoreUnavailableException("Redis at x did not answer", null);
        }, Duration.ofSeconds(30));

        assertThat(tries).hasValue(3);
    }

    @Test
    void aStartThatRedisNeverAnswersGivesUpWithItsMessage() {
        AtomicInteger tries = new AtomicInteger();

        assertThatThrownBy(() -> StoreSession.whileRedisAnswers(() -> {
            tries.incrementAndGet();
            throw new StoreUnavailableException("Redis at x did not answer", null);
        }, Duration.ZERO)).isInstanceOf(StoreUnavailableException.class).hasMessage("Redis at x did not answer");
        assertThat(tries).hasValue(1);
    }

    @Test
    void anotherFailureIsNotTriedAgain() {
        AtomicInteger tries = new AtomicInteger();

        assertThatThrownBy(() -> StoreSession.whileRedisAnswers(() -> {
            tries.incrementAndGet();
            throw new IllegalStateException("newer layout");
        }, Duration.ofSeconds(30))).hasMessage("newer layout");
        assertThat(tries).hasValue(1);
    }
}
