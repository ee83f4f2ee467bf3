package org.convene.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.convene.core.Convene;
import org.convene.store.RedisMeetingStore;
import org.convene.store.RedisTargets;
import org.junit.jupiter.api.Test;

/** A small run of the mixed workload counts correctly; nothing here asserts on timings. */
class BenchmarkTest {

    @Test
    void everyOperationIssuedIsCountedOnceAndNoneFails() throws Exception {
        RedisMeetingStore store = new RedisMeetingStore(RedisTargets.embedded(), 1);
        store.wipe();

        BenchResult result = Benchmark.run(new Convene(store, Clock.systemUTC()),
                new BenchSettings(60, 12, 0.5, 4, Duration.ofSeconds(2), 7));

        assertThat(result.failed()).isZero();
        for (BenchResult.Row row : result.rows()) {
            assertThat(row.issued()).as(row.operation()).isPositive().isEqualTo(row.recorded())
                    .isEqualTo(row.ok() + row.refused());
        }
        assertThat(result.rows()).extracting(BenchResult.Row::operation).containsExactly("join", "leave", "post",
                "read_chat", "participants", "active_instances", "join_times");
        assertThat(result.table()).contains("all");
    }

    @Test
    void joinsLeavesAndPostsMostlySucceedBecauseEachCallerTracksItsOwnUsers() throws Exception {
        RedisMeetingStore store = new RedisMeetingStore(RedisTargets.embedded(), 1);
        store.wipe();

        BenchResult result = Benchmark.run(new Convene(store, Clock.systemUTC()),
                new BenchSettings(60, 12, 0, 4, Duration.ofSeconds(2), 7));

        BenchResult.Row post = result.rows().get(2);
        assertThat(post.ok()).isGreaterThan(post.refused());
    }

    @Test
    void theSeedAlgorithmRunsTheSameWorkloadAndCountsCorrectly() throws Exception {
        String url = RedisTargets.embedded().description();
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(url);
        try (var data = client.connect(io.lettuce.core.RedisURI.builder(io.lettuce.core.RedisURI.create(url)).withDatabase(2).build());
             var events = client.connect(io.lettuce.core.RedisURI.builder(io.lettuce.core.RedisURI.create(url)).withDatabase(3).build())) {
            data.sync().flushdb();
            events.sync().flushdb();

            BenchResult result = Benchmark.runSeed(new org.convene.store.SeedAlgorithm(data.sync(), events.sync()),
                    new BenchSettings(60, 12, 0.5, 4, Duration.ofSeconds(2), 7));

            assertThat(result.failed()).isZero();
            for (BenchResult.Row row : result.rows()) {
                assertThat(row.issued()).as(row.operation()).isPositive().isEqualTo(row.recorded())
                        .isEqualTo(row.ok() + row.refused());
            }
            BenchResult.Row post = result.rows().get(2);
            assertThat(post.ok()).isGreaterThan(post.refused());
        } finally {
            client.shutdown();
        }
    }
}
