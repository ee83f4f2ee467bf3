package org.convene.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void theScheduleLastsAtLeastThreeDays() {
        assertThat(RetrySchedule.span()).isGreaterThanOrEqualTo(Duration.ofDays(3));
    }

    @Test
    void jitterStretchesAWaitByAtMostAFifthAndNeverShortensIt() {
        assertThat(RetrySchedule.next(1, 0)).hasValue(Duration.ofSeconds(5));
        assertThat(RetrySchedule.next(1, 0.999).orElseThrow()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(6));
    }

    @Test
    void waitsGrowUntilTheScheduleIsSpent() {
        for (int attempt = 1; attempt < RetrySchedule.WAITS.size(); attempt++) {
            assertThat(RetrySchedule.next(attempt + 1, 0).orElseThrow()).isGreaterThanOrEqualTo(RetrySchedule.next(attempt, 0).orElseThrow());
        }
        assertThat(RetrySchedule.next(RetrySchedule.WAITS.size() + 1, 0)).isEmpty();
    }
}
