package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.convene.testing.RedisTargets;
import org.junit.jupiter.api.Test;

/** The shared connection outlives what happens to the connections of its own that blocking readers open. */
class RedisConnectionTest {

    @Test
    void aConnectionOfItsOwnInterruptedWhileConnectingLeavesTheSharedOneWorking() {
        try (RedisConnection redis = RedisConnection.open(RedisTargets.embeddedUrl(), false)) {
            // As a feed hub closing right after it started does: its reader is interrupted while it connects.
            Thread.currentThread().interrupt();
            try {
                redis.dedicated().close();
            } catch (RuntimeException interrupted) {
                // the connect may fail or not: what matters is the shared connection afterwards
            } finally {
                Thread.interrupted();
            }

            String answer = new RedisCalls(redis, 1).awaitWithin(redis.async().ping().toCompletableFuture(),
                    Duration.ofSeconds(5));

            assertThat(answer).isEqualTo("PONG");
        }
    }
}
