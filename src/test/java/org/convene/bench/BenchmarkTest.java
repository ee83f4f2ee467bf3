package org.convene.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.convene.core.Convene;
import org.convene.http.ConveneServer;
import org.convene.http.ServerSettings;
import org.convene.model.EventType;
import org.convene.store.RedisConnection;
import org.convene.store.RedisStore;
import org.convene.testing.RedisTargets;
import org.convene.testing.TestServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Small runs of every benchmark mode count correctly; nothing here asserts on timings. */
@Tag("bench")
class BenchmarkTest {
    private static final BenchSettings SMALL = new BenchSettings(60, 12, 0.5, 4, Duration.ofSeconds(2), 7);

    private final RedisConnection redis = RedisTargets.embedded();
    private final RedisStore store = new RedisStore(redis, 1);
    private final Convene convene = new Convene(store, Clock.systemUTC());
    private final Meter meter = Meter.of(() -> Meter.commandsIn(redis.info("commandstats")), store::waits);

    @BeforeEach
    void emptyStore() {
        store.maintenance().wipe();
    }

    @Test
    void everyOperationIssuedIsCountedOnceAndNoneFails() throws Exception {
        BenchResult result = Benchmark.run(convene, meter, SMALL);

        assertCountedOnce(result);
        assertThat(result.rows()).extracting(BenchResult.Row::operation).containsExactly("join", "leave", "post",
                "read_chat", "participants", "active_instances", "join_times");
        assertThat(result.perSecond()).isCloseTo(result.issued() / result.seconds(), Offset.offset(1e-9));
        assertThat(result.rows()).allSatisfy(r -> assertThat(r.p50()).as(r.operation())
                .isLessThanOrEqualTo(r.p99()).isLessThanOrEqualTo(r.p999()));
    }

    @Test
    void joinsLeavesAndPostsMostlySucceedBecauseEachCallerTracksItsOwnUsers() throws Exception {
        BenchResult result = Benchmark.run(convene, meter, new BenchSettings(60, 12, 0, 4, Duration.ofSeconds(2), 7));

        BenchResult.Row post = row(result, "post");
        assertThat(post.ok()).isGreaterThan(post.refused());
    }

    @Test
    void roundTripsAndCommandsPerOperationAreMeasured() throws Exception {
        BenchResult result = Benchmark.run(convene, meter, SMALL);

        assertThat(row(result, "read_chat").waitsPerOp()).isEqualTo(1.0);
        assertThat(row(result, "participants").waitsPerOp()).isEqualTo(1.0);
        assertThat(row(result, "post").waitsPerOp()).isEqualTo(1.0);
        assertThat(row(result, "join").waitsPerOp()).isBetween(1.0, 2.0);
        // Functions 4 and 8: one round trip when nothing changed since this node's last read, a second for the rows
        // of the instances that did (layout 2 reads them from their meetings rather than every write applying them).
        assertThat(row(result, "active_instances").waitsPerOp()).isBetween(1.0, 2.0);
        assertThat(row(result, "join_times").waitsPerOp()).isBetween(1.0, 2.0);
        assertThat(row(result, "active_instances").commandsPerOp()).isLessThanOrEqualTo(5);
        assertThat(row(result, "join_times").commandsPerOp()).isLessThanOrEqualTo(5);
        assertThat(result.rows()).allSatisfy(r -> assertThat(r.commandsPerOp()).as(r.operation()).isGreaterThanOrEqualTo(1));
    }

    @Test
    void theSeedAlgorithmRunsTheSameWorkloadAndCountsCorrectly() throws Exception {
        withSeed(seed -> {
            BenchResult result = Benchmark.runSeed(seed, Meter.NONE, SMALL);

            assertCountedOnce(result);
            assertThat(row(result, "post").ok()).isGreaterThan(row(result, "post").refused());
            assertThat(result.rows()).allSatisfy(r -> assertThat(r.waitsPerOp()).isNegative());
        });
    }

    @Test
    void theHttpRunCountsEveryOperationOnceAndNoneFails() throws Exception {
        try (ConveneServer server = TestServers.start(store, Clock.systemUTC(),
                ServerSettings.defaults(new ServerSettings.Listen("127.0.0.1", 0), Optional.of("bench-test-token"))
                        .with(new ServerSettings.Limits(65_536, 1_000_000, 30)),
                () -> true)) {
            BenchResult result = Benchmark.runHttp(convene, URI.create(server.url()), "bench-test-token", SMALL);

            assertCountedOnce(result);
            assertThat(row(result, "post").ok()).isPositive();
            assertThat(result.system()).contains("JVM of its own");
        }
    }

    @Test
    void theFanoutRunDeliversEveryMessageToEverySubscriberAndCountsThem() throws Exception {
        Population population = Population.plan(new BenchSettings(40, 4, 0, 2, Duration.ofSeconds(1), 3)).writeTo(convene);
        Map<Long, Long> posters = new HashMap<>();
        for (long instance : population.instances) {
            convene.join(1, instance);
            posters.put(instance, 1L);
        }
        try (ConveneServer server = TestServers.start(store, Clock.systemUTC(),
                ServerSettings.defaults(new ServerSettings.Listen("127.0.0.1", 0), Optional.of("bench-test-token"))
                        .with(new ServerSettings.Limits(65_536, 1_000_000, 30)),
                () -> true)) {
            List<FanoutRun.Result> results = FanoutRun.run(convene, server, "bench-test-token", () -> -1,
                    population.instances, posters, 100, 2, 20, Duration.ofSeconds(2));

            // 90 on instance streams get their instance's 10, 9 on the lifecycle nothing, 1 on everything all 40.
            assertThat(results).hasSize(2).allSatisfy(r -> {
                assertThat(r.posts()).isEqualTo(40);
                assertThat(r.missed()).isZero();
                assertThat(r.delivered()).isEqualTo(r.expected()).isEqualTo(90 * 10 + 40);
            });
        }
    }

    @Test
    void theReapingRunReapsEveryQuietParticipantExactlyOnce() throws Exception {
        ReapingRun.Result result = ReapingRun.run(convene, store.transitions(), Clock.systemUTC(), 40, Duration.ofMillis(500),
                Duration.ofMillis(500));

        assertThat(result.reaped()).isEqualTo(40);
        assertThat(result.lagMs().getTotalCount()).isEqualTo(40);
        assertThat(convene.eventsOfInstance(1, 0, 1000)).filteredOn(e -> e.type() == EventType.TIMEOUT)
                .allMatch(e -> "reaped".equals(e.reason()));
    }

    @Test
    void theScalingSeriesStoresTheHistoryItReportsOnBothSystems() throws Exception {
        withSeed(seed -> {
            ScalingSeries.Result series = ScalingSeries.run(convene, Meter.NONE,
                    new BenchSettings(40, 4, 0, 2, Duration.ofSeconds(1), 3), List.of(200L, 800L), seed, Meter.NONE, 800);

            assertThat(series.levels()).extracting(ScalingSeries.Level::history).allSatisfy(h -> assertThat(h).isPositive());
            assertThat(series.levels().get(0).history()).isGreaterThanOrEqualTo(200);
            assertThat(series.levels().get(1).history()).isGreaterThanOrEqualTo(800);
            assertThat(series.levels()).allSatisfy(level -> {
                assertCountedOnce(level.convene());
                assertCountedOnce(level.seed());
            });
            // The history is really there: instance 1 holds its share of the messages.
            assertThat(convene.chat(1, 0, 1000)).hasSizeGreaterThanOrEqualTo(800 / 2 / 4);
            assertThat(seed.chat(1)).hasSizeGreaterThanOrEqualTo(800 / 2 / 4);
            assertThat(series.table().lines().filter(line -> line.matches("\\s*\\d+\\s.*"))).as("a row per level")
                    .hasSize(series.levels().size());
        });
    }

    @Test
    void theMemoryProbeWritesWhatItDividesBy() {
        MemoryProbe.Result probe = MemoryProbe.run(convene, meeting -> redis.memoryOfKeys("convene:{m:" + meeting + "}*", 0), 500);

        assertThat(probe.messages()).isEqualTo(500);
        assertThat(probe.events()).isEqualTo(500);
        long instance = convene.activeInstances().get(0).instance().id();
        assertThat(convene.chat(instance, 0, 1000)).hasSize(501);
        assertThat(convene.eventsOfInstance(instance, 0, 1000)).hasSize(502);
    }

    @Test
    void theSchedulerRunSeesEveryInstanceStartAndEndOnce() throws Exception {
        SchedulerRun.Result run = SchedulerRun.run(convene, store.transitions(), 200, Duration.ofSeconds(3),
                () -> Meter.microsIn(redis.info("commandstats")));

        assertThat(run.instances()).isEqualTo(200);
        assertThat(run.activations()).isEqualTo(200);
        assertThat(run.ends()).isEqualTo(200);
        assertThat(run.activationLagMs().getTotalCount()).isEqualTo(200);
        assertThat(run.ticks()).isPositive();
    }

    private static void assertCountedOnce(BenchResult result) {
        assertThat(result.failed()).isZero();
        for (BenchResult.Row row : result.rows()) {
            assertThat(row.issued()).as(row.operation()).isPositive().isEqualTo(row.recorded())
                    .isEqualTo(row.ok() + row.refused());
        }
    }

    private static BenchResult.Row row(BenchResult result, String operation) {
        return result.rows().stream().filter(r -> r.operation().equals(operation)).findFirst().orElseThrow();
    }

    private interface SeedWork {
        void run(SeedAlgorithm seed) throws Exception;
    }

    private void withSeed(SeedWork work) throws Exception {
        String url = redis.description();
        RedisClient client = RedisClient.create(url);
        try (var data = client.connect(RedisURI.builder(RedisURI.create(url)).withDatabase(2).build());
             var events = client.connect(RedisURI.builder(RedisURI.create(url)).withDatabase(3).build())) {
            data.sync().flushdb();
            events.sync().flushdb();
            work.run(new SeedAlgorithm(data.sync(), events.sync()));
        } finally {
            client.shutdown();
        }
    }
}
