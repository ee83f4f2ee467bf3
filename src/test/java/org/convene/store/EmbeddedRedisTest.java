package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.convene.app.Settings;
import org.convene.core.Convene;
import org.convene.model.MeetingDetails;
import org.convene.model.TimeWindow;
import org.convene.model.UserDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded Redis: keeps data across restarts, is shared by processes, never doubled on one directory. */
class EmbeddedRedisTest {
    @TempDir
    Path data;

    StoreSettings settings() {
        return Settings.from(Map.of("CONVENE_DATA_DIR", data.toString(), "CONVENE_FSYNC", "always"))
                .store();
    }

    @Test
    void aSessionOpenedWithMetricsRecordsEachRedisCommandsLatencyByType() {
        var metrics = new PrometheusMeterRegistry(
                PrometheusConfig.DEFAULT);
        try (StoreSession session = StoreSession.open(settings(), false, metrics)) {
            session.store().maintenance().isEmpty();

            assertThat(metrics.scrape()).contains("lettuce_command_completion_seconds_count{command=");
        }
    }

    @Test
    void stoppingAndStartingKeepsEverything() {
        try (StoreSession first = StoreSession.open(settings())) {
            Convene convene = new Convene(first.store(), Clock.systemUTC());
            convene.createUser(new UserDetails("Kept", 40, "", "kept@example.com"));
            long meeting = convene.createMeeting(new MeetingDetails("Kept", "", true, List.of())).id();
            long instance = convene.createInstance(meeting, new TimeWindow(Instant.now().minusSeconds(5),
                    Instant.now().plusSeconds(3600))).id();
            convene.join(1, instance);
        }
        try (StoreSession second = StoreSession.open(settings())) {
            Convene convene = new Convene(second.store(), Clock.systemUTC());
            assertThat(convene.user(1).name()).isEqualTo("Kept");
            assertThat(convene.eventsOfUser(1)).hasSize(1);
        }
    }

    @Test
    void aSecondProcessOnTheSameDirectoryUsesTheRunningServer() {
        EmbeddedRedis first = EmbeddedRedis.start(data, "everysec", false);
        try (EmbeddedRedis second = EmbeddedRedis.start(data, "everysec", false)) {
            assertThat(second.port()).isEqualTo(first.port());
            assertThat(second.owned()).isFalse();
        } finally {
            first.close();
        }
    }

    @Test
    void aLongLivedProcessWaitsForAOneOffCommandsServerAndThenStartsItsOwn() throws Exception {
        EmbeddedRedis oneOff = EmbeddedRedis.start(data, "everysec", false);
        CompletableFuture<EmbeddedRedis> scheduler = CompletableFuture.supplyAsync(
                () -> EmbeddedRedis.start(data, "everysec", true));
        assertThatThrownBy(() -> scheduler.get(300, TimeUnit.MILLISECONDS)).as("it waits for the one-off server")
                .isInstanceOf(TimeoutException.class);

        oneOff.close();

        try (EmbeddedRedis own = scheduler.get(30, TimeUnit.SECONDS)) {
            assertThat(own.owned()).isTrue();
            assertThat(own.longLived()).isTrue();
        }
    }

    @Test
    void badSettingsAreRefusedWithTheVariableNamed() {
        assertThatThrownBy(() -> Settings.from(Map.of("CONVENE_EVENTS_DB", "x")))
                .hasMessage("CONVENE_EVENTS_DB must be a number, was 'x'");
        assertThatThrownBy(() -> Settings.from(Map.of("CONVENE_FSYNC", "never")))
                .hasMessage("CONVENE_FSYNC must be everysec, always or no, was never");
    }
}
