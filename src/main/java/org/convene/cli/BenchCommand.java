package org.convene.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.convene.bench.BenchResult;
import org.convene.bench.BenchSettings;
import org.convene.bench.Benchmark;
import org.convene.core.Convene;
import org.convene.store.EmbeddedRedis;
import org.convene.store.RedisConnection;
import org.convene.store.RedisMeetingStore;
import org.convene.store.SeedAlgorithm;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.convene.store.StoreSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code convene bench}: the mixed workload against a synthetic population. Without
 * {@code CONVENE_REDIS_URL} it runs on a throwaway embedded Redis with the append-only persistence
 * Convene uses, so ./data is never touched.
 */
@Command(name = "bench", description = "Measure the mixed workload: throughput and latency per operation.")
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    ConveneCommand root;

    @Option(names = "--users", defaultValue = "2000")
    int users;
    @Option(names = "--meetings", defaultValue = "200")
    int meetings;
    @Option(names = "--private-share", defaultValue = "0.3", description = "Share of private meetings, 0 to 1.")
    double privateShare;
    @Option(names = "--callers", defaultValue = "32", description = "Concurrent callers.")
    int callers;
    @Option(names = "--seconds", defaultValue = "30")
    int seconds;
    @Option(names = "--seed", defaultValue = "1")
    long seed;
    @Option(names = "--baseline", description = "Also run the seed report's own algorithm on the same data, side by side.")
    boolean baseline;
    @Mixin
    ResetOption reset;

    @Override
    public Integer call() throws Exception {
        BenchSettings settings = new BenchSettings(users, meetings, privateShare, callers, Duration.ofSeconds(seconds), seed);
        StoreSettings store = StoreSettings.from(root.context.env());
        var out = root.spec.commandLine().getOut();
        if (store.redisUrl().isPresent()) {
            try (RedisConnection redis = RedisConnection.open(store.redisUrl().get(), store.cluster())) {
                RedisMeetingStore target = new RedisMeetingStore(redis, store.eventsDatabase());
                if (!reset.clear(target, "bench", root.spec.commandLine().getErr())) return 1;
                out.println("Benchmark on " + redis.description());
                report(target, settings, redis.isCluster() ? null : store.redisUrl().get());
            }
            return 0;
        }
        Path dir = Files.createTempDirectory("convene-bench");
        try (EmbeddedRedis server = EmbeddedRedis.start(dir, "everysec", true);
             RedisConnection redis = RedisConnection.open(server.url(), false)) {
            out.println("Benchmark on a throwaway embedded Redis 6.2 (append-only, everysec) in " + dir);
            report(new RedisMeetingStore(redis, 1), settings, server.url());
        } finally {
            delete(dir);
        }
        return 0;
    }

    private void report(RedisMeetingStore store, BenchSettings settings, String url) throws InterruptedException {
        var out = root.spec.commandLine().getOut();
        out.flush();
        BenchResult result = Benchmark.run(new Convene(store, Clock.systemUTC()), settings);
        root.output().result("Convene:\n" + result.table(), result);
        if (!baseline) return;
        if (url == null) throw new IllegalArgumentException("--baseline needs a standalone Redis (it uses databases 2 and 3)");
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> data = client.connect(RedisURI.builder(RedisURI.create(url))
                     .withDatabase(2).build());
             StatefulRedisConnection<String, String> events = client.connect(RedisURI.builder(RedisURI.create(url))
                     .withDatabase(3).build())) {
            data.sync().flushdb();
            events.sync().flushdb();
            BenchResult seedResult = Benchmark.runSeed(new SeedAlgorithm(data.sync(), events.sync()), settings);
            root.output().result("The seed report's algorithm (KEYS scans), same data and workload:\n" + seedResult.table()
                    + String.format(java.util.Locale.ROOT, "Convene did %.0f times the seed algorithm's operations a second.",
                    result.perSecond() / Math.max(seedResult.perSecond(), 1e-9)), seedResult);
        } finally {
            client.shutdown();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
