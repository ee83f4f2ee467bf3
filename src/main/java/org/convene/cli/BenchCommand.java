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
                report(target, settings);
            }
            return 0;
        }
        Path dir = Files.createTempDirectory("convene-bench");
        try (EmbeddedRedis server = EmbeddedRedis.start(dir, "everysec", true);
             RedisConnection redis = RedisConnection.open(server.url(), false)) {
            out.println("Benchmark on a throwaway embedded Redis 6.2 (append-only, everysec) in " + dir);
            report(new RedisMeetingStore(redis, 1), settings);
        } finally {
            delete(dir);
        }
        return 0;
    }

    private void report(RedisMeetingStore store, BenchSettings settings) throws InterruptedException {
        var out = root.spec.commandLine().getOut();
        out.flush();
        BenchResult result = Benchmark.run(new Convene(store, Clock.systemUTC()), settings);
        root.output().result(result.table(), result);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
