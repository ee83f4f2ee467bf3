package org.convene.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.convene.core.Convene;


/**
 * The mixed workload: concurrent callers doing joins, leaves, posts, chat reads, participant
 * lists, active instances and join times against a synthetic population, for a set duration
 * after a warm-up. Then, on one caller, each operation alone a hundred times under a {@link Meter},
 * for its Redis round trips and commands.
 *
 * <pre>{@code
 * BenchResult result = Benchmark.run(convene, meter, new BenchSettings(2_000, 200, 0.3, 32, Duration.ofSeconds(30), 1));
 * System.out.println(result.table());
 * }</pre>
 */
public final class Benchmark {
    /** How many joined instances a caller keeps at most: meetings keep a steady, realistic size. */
    static final int JOINED_PER_CALLER = 16;
    private static final int COST_SAMPLES = 100;
    private static final int COST_SECONDS = 3;

    private Benchmark() {}

    /** Loads the population into an empty Convene store, runs the workload on the engine and returns what every operation did. */
    public static BenchResult run(Convene convene, Meter meter, BenchSettings settings) throws InterruptedException {
        Population population = Population.plan(settings).writeTo(convene);
        return run("Convene (engine)", new ConveneTarget(convene), population, meter, settings);
    }

    /**
     * The same workload through the REST API of the server at {@code server}, from the JDK's
     * HttpClient in a JVM of its own (see {@link HttpLoad}); round trips are not counted there.
     */
    public static BenchResult runHttp(Convene convene, URI server, String adminToken, BenchSettings settings)
            throws InterruptedException, IOException {
        Population.plan(settings).writeTo(convene);
        return HttpLoad.run(server, adminToken, settings);
    }

    /** The same population and workload on the seed report's own algorithm, for the side-by-side figures. */
    public static BenchResult runSeed(SeedAlgorithm seed, Meter meter, BenchSettings settings) throws InterruptedException {
        Population population = Population.plan(settings).writeTo(seed);
        return run("The seed report's algorithm (KEYS scans)", new SeedTarget(seed), population, meter, settings);
    }

    static BenchResult run(String system, Target target, Population population, Meter meter, BenchSettings settings)
            throws InterruptedException {
        Map<Operation, OperationStats> stats = new EnumMap<>(Operation.class);
        for (Operation operation : Operation.values()) stats.put(operation, new OperationStats());
        SplittableRandom seed = new SplittableRandom(settings.seed());
        CountDownLatch done = new CountDownLatch(settings.callers());
        long measureFrom = System.nanoTime() + settings.warmup().toNanos();
        long deadline = measureFrom + settings.duration().toNanos();
        List<Caller> callers = new ArrayList<>();
        for (int c = 0; c < settings.callers(); c++) {
            Caller caller = new Caller(c, settings.callers(), target, population, seed.split());
            callers.add(caller);
            Thread thread = new Thread(() -> {
                try {
                    caller.work(stats, measureFrom, deadline);
                } finally {
                    done.countDown();
                }
            }, "bench-caller-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        long jvmFrom = 0;
        long redisFrom = 0;
        long wait = measureFrom - System.nanoTime();
        if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
        jvmFrom = processCpuNanos();
        redisFrom = meter.redisMicros();
        // An operation under way at the deadline is finished and counted; the seed's slowest take many seconds.
        if (!done.await(settings.warmup().toSeconds() + settings.duration().toSeconds() + 900, TimeUnit.SECONDS)) {
            throw new IllegalStateException("callers did not finish within 15 minutes of the deadline");
        }
        long elapsed = System.nanoTime() - measureFrom;
        long jvmNanos = processCpuNanos() - jvmFrom;
        long redisMicros = redisFrom < 0 ? -1 : meter.redisMicros() - redisFrom;
        Map<Operation, double[]> costs = costs(callers.get(0), meter);
        // Unmeasured: leave what the run joined, so that a following run starts from the same meeting sizes.
        for (Caller caller : callers) caller.leaveAll();
        List<BenchResult.Row> rows = new ArrayList<>();
        Histogram all = new Histogram(OperationStats.MAX_MICROS, 3);
        for (Operation operation : Operation.values()) {
            OperationStats s = stats.get(operation);
            Histogram h = s.histogram();
            all.add(h);
            double[] cost = costs.get(operation);
            rows.add(new BenchResult.Row(operation.name().toLowerCase(), s.issued(), s.ok.sum(), s.refused.sum(),
                    s.failed.sum(), h.getTotalCount(), s.issued() * 1e9 / elapsed, h.getValueAtPercentile(50),
                    h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), cost[0], cost[1]));
        }
        long issued = rows.stream().mapToLong(BenchResult.Row::issued).sum();
        return new BenchResult(system, settings, elapsed / 1e9, rows, all.getValueAtPercentile(99),
                jvmNanos < 0 ? -1 : jvmNanos / 1e3 / Math.max(1, issued),
                redisMicros < 0 ? -1 : redisMicros / (double) Math.max(1, issued));
    }

    /** This process's CPU time so far (all its threads), or -1 where the JVM does not tell. */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /**
     * Each operation alone, {@value #COST_SAMPLES} times in a row (or for {@value #COST_SECONDS} seconds) on one caller, between two readings
     * of the meter: Redis round trips and commands per operation. Joins run first, so that the posts
     * and leaves after them act on instances the caller is in.
     */
    private static Map<Operation, double[]> costs(Caller caller, Meter meter) {
        Map<Operation, double[]> costs = new EnumMap<>(Operation.class);
        List<Operation> order = List.of(Operation.JOIN, Operation.POST, Operation.READ_CHAT, Operation.PARTICIPANTS,
                Operation.ACTIVE_INSTANCES, Operation.JOIN_TIMES, Operation.LEAVE);
        for (Operation operation : order) {
            if (meter == Meter.NONE) {
                costs.put(operation, new double[] {-1, -1});
                continue;
            }
            long commands = meter.commands();
            long waits = meter.waits();
            // At most a few seconds an operation: some of the seed's take seconds each.
            long until = System.nanoTime() + COST_SECONDS * 1_000_000_000L;
            int samples = 0;
            while (samples < COST_SAMPLES && (samples == 0 || System.nanoTime() < until)) {
                caller.attempt(operation);
                samples++;
            }
            // The meter's own reading of commandstats is not a command of the operation.
            costs.put(operation, new double[] {(meter.waits() - waits) / (double) samples,
                    (meter.commands() - commands) / (double) samples});
        }
        return costs;
    }

    /** One concurrent caller; it owns the users whose index is its number modulo the number of callers. */
    private static final class Caller {
        final int number;
        final int of;
        final Target target;
        final Population population;
        final SplittableRandom random;
        final List<long[]> joined = new ArrayList<>();
        final Set<String> joinedKeys = new HashSet<>();

        Caller(int number, int of, Target target, Population population, SplittableRandom random) {
            this.number = number;
            this.of = of;
            this.target = target;
            this.population = population;
            this.random = random;
        }

        void work(Map<Operation, OperationStats> stats, long measureFrom, long deadline) {
            for (long begin = System.nanoTime(); begin < deadline; begin = System.nanoTime()) {
                Operation operation = Operation.pick(random.nextInt(100));
                // A caller in as many meetings as it keeps leaves one instead, so meetings stay a steady size.
                if (operation == Operation.JOIN && joined.size() >= JOINED_PER_CALLER) operation = Operation.LEAVE;
                Outcome outcome = attempt(operation);
                long end = System.nanoTime();
                // Counted when it completes in the measured time: a slow operation begun in the
                // warm-up still counts, so a system whose operations outlast the warm-up is not shown as idle.
                if (end < measureFrom) continue;
                OperationStats s = stats.get(operation);
                switch (outcome) {
                    case OK -> s.ok.increment();
                    case REFUSED -> s.refused.increment();
                    case FAILED -> s.failed.increment();
                }
                s.record(end - begin);
            }
        }

        Outcome attempt(Operation operation) {
            try {
                perform(operation);
                return Outcome.OK;
            } catch (Target.Refused refused) {
                return Outcome.REFUSED;
            } catch (RuntimeException failed) {
                return Outcome.FAILED;
            }
        }

        private void perform(Operation operation) {
            int index = random.nextInt(population.instances.size());
            long instance = population.instances.get(index);
            switch (operation) {
                case JOIN -> {
                    long user = ownedUser(population.admitted.get(index));
                    String key = user + ":" + instance;
                    target.join(user, instance);
                    if (joinedKeys.add(key)) joined.add(new long[] {user, instance});
                }
                case LEAVE -> {
                    long[] pair = takeJoined();
                    target.leave(pair[0], pair[1]);
                }
                case POST -> {
                    long[] pair = anyJoined();
                    target.post(pair[0], pair[1], Population.MESSAGE);
                }
                case READ_CHAT -> target.readChat(instance);
                case PARTICIPANTS -> target.participants(instance);
                case ACTIVE_INSTANCES -> target.activeInstances();
                case JOIN_TIMES -> target.joinTimes();
            }
        }

        /** A user this caller owns among {@code admitted}, or any admitted user when it owns none there. */
        private long ownedUser(List<Long> admitted) {
            for (int tries = 0; tries < 20; tries++) {
                long user = admitted.get(random.nextInt(admitted.size()));
                if (user % of == number) return user;
            }
            return admitted.get(random.nextInt(admitted.size()));
        }

        void leaveAll() {
            while (!joined.isEmpty()) attempt(Operation.LEAVE);
        }

        private long[] anyJoined() {
            if (joined.isEmpty()) return new long[] {population.users.get(number % population.users.size()),
                    population.instances.get(0)};
            return joined.get(random.nextInt(joined.size()));
        }

        private long[] takeJoined() {
            if (joined.isEmpty()) return anyJoined();
            long[] pair = joined.remove(random.nextInt(joined.size()));
            joinedKeys.remove(pair[0] + ":" + pair[1]);
            return pair;
        }
    }

    private enum Outcome { OK, REFUSED, FAILED }
}
