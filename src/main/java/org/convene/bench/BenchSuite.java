package org.convene.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
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
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.convene.core.Convene;
import org.convene.core.Services;
import org.convene.http.ConveneServer;
import org.convene.http.ServerSettings;
import org.convene.series.Recurrences;
import org.convene.store.EmbeddedRedis;
import org.convene.store.RedisConnection;
import org.convene.store.RedisStore;
import org.convene.store.StoreSettings;
import org.convene.webhook.SecretBox;
import org.convene.webhook.TargetGuard;
import org.convene.webhook.Webhooks;
import org.slf4j.LoggerFactory;

/**
 * Every part of {@code convene bench} on one Redis: the mixed workload, and as asked the seed's
 * algorithm beside it, the same through the HTTP API, memory per message and event, a scaling series
 * over stored history and a scheduler run. Without a Redis URL it runs on a throwaway embedded Redis
 * with the append-only persistence Convene uses, so ./data is never touched; each part starts from
 * an empty store.
 */
public final class BenchSuite {
    /** What to run: the workload's settings and the optional parts ({@code scaling} empty and {@code schedulerInstances} 0 for none). */
    public record Parts(BenchSettings workload, boolean baseline, boolean http, boolean memory, List<Long> scaling,
                        long seedMaxHistory, int schedulerInstances, Duration schedulerWindow, int fanout,
                        int fanoutStalled, int fanoutPerSecond, int reaping, int webhookRate, int auditRate,
                        int lobbyWaiters) {}

    private final Parts parts;
    private final PrintWriter out;
    private final BiConsumer<String, Object> report;

    /** A suite that prints progress to {@code out} and each part's result through {@code report} (text, value). */
    public BenchSuite(Parts parts, PrintWriter out, BiConsumer<String, Object> report) {
        this.parts = parts;
        this.out = out;
        this.report = report;
    }

    /**
     * Runs on the store {@code settings} name; refuses (returns false) a Redis that holds data unless
     * {@code reset}, since every part starts by emptying it.
     */
    public boolean run(StoreSettings settings, boolean reset, PrintWriter err) throws Exception {
        if (settings.redisUrl().isPresent()) {
            try (RedisConnection redis = RedisConnection.open(settings.redisUrl().get(), settings.cluster(), null, settings.replicaWait())) {
                RedisStore target = new RedisStore(redis, settings.eventsDatabase());
                if (!reset && !target.maintenance().isEmpty()) {
                    err.println("The store already holds data, so 'bench' leaves it alone. Run 'convene bench --reset' "
                            + "to delete everything in it first.");
                    err.flush();
                    return false;
                }
                out.println("Benchmark on " + redis.description());
                runAll(redis, target, redis.isCluster() ? null : settings.redisUrl().get());
            }
            return true;
        }
        Path dir = Files.createTempDirectory("convene-bench");
        try (EmbeddedRedis server = EmbeddedRedis.start(dir, "everysec", true);
             RedisConnection redis = RedisConnection.open(server.url(), false)) {
            out.println("Benchmark on a throwaway embedded Redis 6.2 (append-only, everysec) in " + dir + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version());
            runAll(redis, new RedisStore(redis, 1), server.url());
        } finally {
            delete(dir);
        }
        return true;
    }

    private void runAll(RedisConnection redis, RedisStore store, String standaloneUrl) throws Exception {
        BenchSettings settings = parts.workload();
        Convene convene = new Convene(store, Clock.systemUTC());
        Meter meter = Meter.of(() -> Meter.commandsIn(redis.info("commandstats")), store::waits,
                () -> Meter.microsIn(redis.info("commandstats")));
        if (parts.baseline() && standaloneUrl == null) {
            throw new IllegalArgumentException("--baseline needs a standalone Redis (the seed's layout uses databases 2 and 3)");
        }

        section("The mixed workload");
        store.maintenance().wipe();
        BenchResult engine = Benchmark.run(convene, meter, settings);
        report.accept(engine.table(), engine);
        if (standaloneUrl != null) {
            RedisLimit.Result limit = RedisLimit.measure(standaloneUrl, Duration.ofSeconds(3));
            report.accept(limit.table() + String.format(Locale.ROOT,
                    "Convene's mixed workload did %.2f of Redis's own EVALSHA rate, %.2f of its GET rate.%n",
                    engine.perSecond() / limit.evalshaPerSecond(), engine.perSecond() / limit.getPerSecond()), limit);
        }

        if (parts.baseline()) {
            withSeed(standaloneUrl, redis, (seedAlgorithm, seedMeter) -> {
                BenchResult seedResult = Benchmark.runSeed(seedAlgorithm, seedMeter, settings);
                report.accept(seedResult.table() + String.format(Locale.ROOT,
                        "Convene did %.0f times the seed algorithm's operations a second (little history).%n",
                        engine.perSecond() / Math.max(seedResult.perSecond(), 1e-9)), seedResult);
            });
        }
        if (parts.http()) {
            section("The same workload through the HTTP API");
            store.maintenance().wipe();
            runHttp(convene, store, settings, engine);
        }
        if (parts.fanout() > 0) {
            section("Live delivery: " + parts.fanout() + " subscribers, " + parts.fanoutPerSecond() + " posts a second");
            store.maintenance().wipe();
            // A rewrite of the append-only file that Redis starts on its own (a fork, and the disk) during a run
            // would be measured as delivery lag: the file is rewritten first, and forks during each run reported.
            redis.compactAppendOnlyFile();
            runFanout(convene, store, settings, () -> forks(redis));
        }
        if (parts.webhookRate() > 0) {
            section("Webhooks: " + parts.webhookRate() + " events a second over " + settings.meetings() + " instances");
            redis.compactAppendOnlyFile();
            List<WebhookRun.Result> results = WebhookRun.run(convene, store, WebhookRun::dispatcher,
                    parts.webhookRate(), settings.meetings(), settings.warmup(), settings.duration());
            report.accept(WebhookRun.table(results), results);
        }
        if (parts.memory()) {
            section("Memory");
            store.maintenance().wipe();
            MemoryProbe.Result probe = MemoryProbe.run(convene, meeting -> redis.memoryOfKeys("convene:{m:" + meeting + "}*", 0)
                    + redis.memoryOfKeys("convene:events:{m:" + meeting + "}*", store.eventsDatabase() < 0 ? 0
                            : store.eventsDatabase()), 5_000);
            report.accept(probe.table(), probe);
        }
        if (!parts.scaling().isEmpty()) {
            section("Scaling with stored history");
            store.maintenance().wipe();
            if (parts.baseline()) {
                withSeed(standaloneUrl, redis, (seedAlgorithm, seedMeter) -> {
                    ScalingSeries.Result series = ScalingSeries.run(convene, meter, settings, parts.scaling(),
                            seedAlgorithm, seedMeter, parts.seedMaxHistory());
                    report.accept(series.table(), series);
                });
            } else {
                ScalingSeries.Result series = ScalingSeries.run(convene, meter, settings, parts.scaling(), null, null, 0);
                report.accept(series.table(), series);
            }
        }
        if (parts.schedulerInstances() > 0) {
            section("The scheduler");
            store.maintenance().wipe();
            SchedulerRun.Result run = SchedulerRun.run(convene, store.transitions(), parts.schedulerInstances(), parts.schedulerWindow(),
                    () -> Meter.microsIn(redis.info("commandstats")));
            report.accept(run.table(), run.table());
        }
        if (parts.auditRate() > 0) {
            section("The audit trail");
            store.maintenance().wipe();
            AuditRun.Result run = AuditRun.run(convene, store.audit(), () -> Meter.commandsIn(redis.info("commandstats")),
                    parts.auditRate(), parts.workload().duration());
            report.accept(run.table(), run.table());
        }
        if (parts.lobbyWaiters() > 0) {
            section("The lobby");
            store.maintenance().wipe();
            withServer(store, (server, token) -> {
                LobbyRun.Result run = LobbyRun.run(convene, URI.create(server.url()), token,
                        () -> Meter.commandsIn(redis.info("commandstats")), parts.lobbyWaiters(), parts.lobbyWaiters() / 10,
                        1_000, Duration.ofSeconds(60), 4);
                report.accept(run.table(), run.table());
            });
        }
        if (parts.reaping() > 0) {
            section("Presence reaping");
            store.maintenance().wipe();
            ReapingRun.Result run = ReapingRun.run(convene, store.transitions(), Clock.systemUTC(), parts.reaping(),
                    Duration.ofSeconds(10), Duration.ofSeconds(30));
            report.accept(run.table(), run.table());
        }
    }

    private void runHttp(Convene convene, RedisStore store, BenchSettings settings, BenchResult engine)
            throws Exception {
        withServer(store, (server, token) -> {
            URI url = URI.create(server.url());
            if (WrkRun.available()) {
                Population.plan(settings).writeTo(convene);
                List<WrkRun.Result> results = WrkRun.run(url, token, settings, settings.duration());
                report.accept(WrkRun.table(results), results);
            } else {
                BenchResult overHttp = Benchmark.runHttp(convene, url, token, settings);
                report.accept(overHttp.table() + String.format(Locale.ROOT,
                        "The HTTP API did %.0f%% of the engine's operations a second, driven by the JDK HttpClient in "
                                + "a JVM of its own because wrk is not installed (apt-get install wrk): that client "
                                + "spends about twenty times wrk's CPU a request, on the same two cores as the server.%n",
                        100 * overHttp.perSecond() / Math.max(engine.perSecond(), 1e-9)), overHttp);
            }
        });
    }

    /** How many times Redis forked so far (a rewrite of the append-only file, a snapshot), -1 where not told. */
    private static long forks(RedisConnection redis) {
        return Long.parseLong(redis.info("stats").getOrDefault("total_forks", "-1"));
    }

    private void runFanout(Convene convene, RedisStore store, BenchSettings settings, LongSupplier forks) throws Exception {
        Population population = Population.plan(settings).writeTo(convene);
        Map<Long, Long> posters = new HashMap<>();
        for (int m = 0; m < population.instances.size(); m++) {
            long instance = population.instances.get(m);
            long poster = population.admitted.get(m).get(0);
            convene.join(poster, instance);
            posters.put(instance, poster);
        }
        withServer(store, (server, token) -> {
            List<FanoutRun.Result> results = FanoutRun.run(convene, server, token, forks, population.instances, posters,
                    parts.fanout(), parts.fanoutStalled(), parts.fanoutPerSecond(), settings.duration());
            report.accept(FanoutRun.table(results), results);
        });
    }

    private interface ServerWork {
        void run(ConveneServer server, String adminToken) throws Exception;
    }

    /**
     * Runs {@code work} against a Convene server on {@code store} with an administrator token of its
     * own. Its request log is off meanwhile: a line per call would be measured along (to a terminal,
     * mostly); a deployment ships it elsewhere.
     */
    private static void withServer(RedisStore store, ServerWork work) throws Exception {
        String token = "bench-" + UUID.randomUUID();
        ServerSettings server = ServerSettings.defaults(new ServerSettings.Listen("127.0.0.1", 0), Optional.of(token))
                .with(new ServerSettings.Limits(65_536, 1_000_000, 30));
        Services services = Services.on(store, Clock.systemUTC(), server.admission().adminToken(),
                server.admission().tokenCache(), server.limits().chatPerMinute(), server.limits().signInFailuresPerMinute(), new Webhooks(store.webhooks(),
                        new SecretBox(Base64.getDecoder().decode(
                                SecretBox.newKey())), new TargetGuard(false),
                        Clock.systemUTC(), Duration.ofDays(30)),
                new Recurrences(store.series(), Clock.systemUTC()),
                new org.convene.audit.AuditTrail(store.audit(), org.convene.audit.SealKey.generate()));
        Logger requestLog = (Logger) LoggerFactory.getLogger("org.convene.http.requests");
        Level level = requestLog.getLevel();
        requestLog.setLevel(Level.WARN);
        try (ConveneServer running = ConveneServer.start(services, server,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> true)) {
            work.run(running, token);
        } finally {
            requestLog.setLevel(level);
        }
    }

    private void section(String title) {
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
