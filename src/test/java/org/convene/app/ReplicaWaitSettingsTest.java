package org.convene.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CONVENE_REDIS_WAIT_REPLICAS and CONVENE_REDIS_WAIT_MS, read and checked at start. */
class ReplicaWaitSettingsTest {

    @Test
    void writesWaitForNoReplicaUnlessAsked() {
        assertThat(Settings.from(Map.of()).store().replicaWait().enabled()).isFalse();
    }

    @Test
    void theReplicaCountAndTimeoutAreRead() {
        var wait = Settings.from(Map.of("CONVENE_REDIS_WAIT_REPLICAS", "1", "CONVENE_REDIS_WAIT_MS", "250")).store().replicaWait();
        assertThat(wait.replicas()).isEqualTo(1);
        assertThat(wait.timeout()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aReplicaCountOutOfRangeIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> Settings.from(Map.of("CONVENE_REDIS_WAIT_REPLICAS", "9")))
                .hasMessage("CONVENE_REDIS_WAIT_REPLICAS must be between 0 and 5, was 9");
    }
}
