package org.convene.cli;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.convene.bench.BenchResult;
import org.convene.bench.BenchSettings;
import org.convene.bench.Benchmark;
import org.convene.bench.MemoryProbe;
import org.convene.bench.Meter;
import org.convene.bench.ScalingSeries;
import org.convene.bench.SchedulerRun;
import org.convene.core.Convene;
import org.convene.http.ConveneServer;
import org.convene.http.ServerSettings;
import org.convene.store.EmbeddedRedis;
import org.convene.store.RedisConnection;
import org.convene.store.RedisMeetingStore;
import org.convene.store.SeedAlgorithm;
import org.convene.store.StoreSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code convene bench}: the mixed workload against a synthetic population, and with options the
 * seed's algorithm beside it, the same through the HTTP API, memory per message and event, a
 * scaling series over stored history and a scheduler run. {@code --full} runs all of them. Without
 * {@code CONVENE_REDIS_URL} it runs on a throwaway embedded Redis with the append-only persistence
 * Convene uses, so ./data is never touched; each part starts from an empty store.
 */
@Command(name = "bench", description = "Measure Convene: throughput, latency, round trips and commands per "
        + "operation; with options also the seed's algorithm, the HTTP API, memory, scaling and the scheduler.")
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
    @Option(names = "--seconds", defaultValue = "30", description = "Measured seconds of each workload run.")
    int seconds;
    @Option(names = "--warmup", defaultValue = "5", description = "Unmeasured seconds before each workload run.")
    int warmup;
    @Option(names = "--seed", defaultValue = "1")
    long seed;
    @Option(names = "--baseline", description = "Also run the seed report's own algorithm on the same data, side by side.")
    boolean baseline;
    @Option(names = "--http", description = "Also run the workload through the REST API of an in-process server.")
    boolean http;
    @Option(names = "--memory", description = "Also measure Redis memory per chat message and per event.")
    boolean memory;
    @Option(names = "--scaling", split = ",", paramLabel = "HISTORY",
            description = "Also run the workload with this much history stored, e.g. 1000,10000,100000,1000000.")
    List<Long> scaling;
    @Option(names = "--seed-max-history", defaultValue = "10000",
            description = "The largest history the seed's algorithm is run on in the scaling series (its join "
                    + "times scan every key once per participant: past this, single operations take many seconds).")
    long seedMaxHistory;
    @Option(names = "--scheduler", paramLabel = "INSTANCES", description = "Also run the scheduler over this many instances.")
    Integer schedulerInstances;
    @Option(names = "--window", defaultValue = "180", description = "Seconds within which the scheduler run's instances start and end.")
    int window;
    @Option(names = "--full", description = "Everything: --baseline --http --memory --scaling 1000,10000,100000,1000000 --scheduler 100000.")
    boolean full;
    @Mixin
    ResetOption reset;

    @Override
    public Integer call() throws Exception {
        if (full) {
            baseline = http = memory = true;
            if (scaling == null) scaling = List.of(1_000L, 10_000L, 100_000L, 1_000_000L);
            if (schedulerInstances == null) schedulerInstances = 100_000;
        }
        StoreSettings store = StoreSettings.from(root.context.env());
        PrintWriter out = root.spec.commandLine().getOut();
        if (store.redisUrl().isPresent()) {
            try (RedisConnection redis = RedisConnection.open(store.redisUrl().get(), store.cluster())) {
                RedisMeetingStore target = new RedisMeetingStore(redis, store.eventsDatabase());
                if (!reset.clear(target, "bench", root.spec.commandLine().getErr())) return 1;
                out.println("Benchmark on " + redis.description());
                runAll(redis, target, redis.isCluster() ? null : store.redisUrl().get());
            }
            return 0;
        }
        Path dir = Files.createTempDirectory("convene-bench");
        try (EmbeddedRedis server = EmbeddedRedis.start(dir, "everysec", true);
             RedisConnection redis = RedisConnection.open(server.url(), false)) {
            out.println("Benchmark on a throwaway embedded Redis 6.2 (append-only, everysec) in " + dir + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version());
            runAll(redis, new RedisMeetingStore(redis, 1), server.url());
        } finally {
            delete(dir);
        }
        return 0;
    }

    private void runAll(RedisConnection redis, RedisMeetingStore store, String standaloneUrl) throws Exception {
        BenchSettings settings = new BenchSettings(users, meetings, privateShare, callers, Duration.ofSeconds(seconds),
                seed, Duration.ofSeconds(warmup));
        Convene convene = new Convene(store, Clock.systemUTC());
        Meter meter = Meter.of(() -> Meter.commandsIn(redis.info("commandstats")), store::waits);
        boolean needsSeed = baseline;
        if (needsSeed && standaloneUrl == null) {
            throw new IllegalArgumentException("--baseline needs a standalone Redis (the seed's layout uses databases 2 and 3)");
        }

        section("The mixed workload");
        store.wipe();
        BenchResult engine = Benchmark.run(convene, meter, settings);
        root.output().result(engine.table(), engine);

        if (baseline) {
            withSeed(standaloneUrl, redis, (seedAlgorithm, seedMeter) -> {
                BenchResult seedResult = Benchmark.runSeed(seedAlgorithm, seedMeter, settings);
                root.output().result(seedResult.table() + String.format(Locale.ROOT,
                        "Convene did %.0f times the seed algorithm's operations a second (little history).%n",
                        engine.perSecond() / Math.max(seedResult.perSecond(), 1e-9)), seedResult);
            });
        }
        if (http) {
            section("The same workload through the HTTP API");
            store.wipe();
            String token = "bench-" + java.util.UUID.randomUUID();
            // A request log line per call would be measured along (to a terminal, mostly); a deployment ships it elsewhere.
            var requestLog = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.convene.http.requests");
            var level = requestLog.getLevel();
            requestLog.setLevel(ch.qos.logback.classic.Level.WARN);
            try (ConveneServer server = ConveneServer.start(convene, store, store,
                    new ServerSettings("127.0.0.1", 0, Optional.of(token), 65_536, 1_000_000, List.of()),
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> true)) {
                BenchResult overHttp = Benchmark.runHttp(convene, URI.create(server.url()), token, meter, settings);
                root.output().result(overHttp.table() + String.format(Locale.ROOT,
                        "The HTTP API did %.0f%% of the engine's operations a second.%n",
                        100 * overHttp.perSecond() / Math.max(engine.perSecond(), 1e-9)), overHttp);
            } finally {
                requestLog.setLevel(level);
            }
        }
        if (memory) {
            section("Memory");
            store.wipe();
            MemoryProbe.Result probe = MemoryProbe.run(convene, () -> Long.parseLong(redis.info("memory").get("used_memory")),
                    20_000);
            root.output().result(probe.table(), probe);
        }
        if (scaling != null && !scaling.isEmpty()) {
            section("Scaling with stored history");
            store.wipe();
            if (baseline) {
                withSeed(standaloneUrl, redis, (seedAlgorithm, seedMeter) -> {
                    ScalingSeries.Result series = ScalingSeries.run(convene, meter, settings, scaling, seedAlgorithm,
                            seedMeter, seedMaxHistory);
                    root.output().result(series.table(), series);
                });
            } else {
                ScalingSeries.Result series = ScalingSeries.run(convene, meter, settings, scaling, null, null, 0);
                root.output().result(series.table(), series);
            }
        }
        if (schedulerInstances != null) {
            section("The scheduler");
            store.wipe();
            SchedulerRun.Result run = SchedulerRun.run(convene, store, schedulerInstances, Duration.ofSeconds(window),
                    () -> Meter.microsIn(redis.info("commandstats")));
            root.output().result(run.table(), run.table());
        }
    }

    private void section(String title) {
        PrintWriter out = root.spec.commandLine().getOut();
        out.println();
        out.println("== " + title);
        out.flush();
    }

    private interface SeedWork {
        void run(SeedAlgorithm seed, Meter meter) throws Exception;
    }

    /**
     * The seed's algorithm on databases 2 and 3 of the same server, emptied first. Its client is
     * synchronous, so one command is one round trip; both are read from the server's commandstats.
     */
    private static void withSeed(String url, RedisConnection redis, SeedWork work) throws Exception {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> data = client.connect(RedisURI.builder(RedisURI.create(url))
                     .withDatabase(2).build());
             StatefulRedisConnection<String, String> events = client.connect(RedisURI.builder(RedisURI.create(url))
                     .withDatabase(3).build())) {
            data.sync().flushdb();
            events.sync().flushdb();
            Meter meter = Meter.of(() -> Meter.commandsIn(redis.info("commandstats")),
                    () -> Meter.commandsIn(redis.info("commandstats")));
            work.run(new SeedAlgorithm(data.sync(), events.sync()), meter);
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
