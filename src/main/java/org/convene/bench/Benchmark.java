package org.convene.bench;

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
import org.convene.store.SeedAlgorithm;

/**
 * The mixed workload: concurrent callers doing joins, leaves, posts, chat reads, participant
 * lists, active instances and join times against a synthetic population, for a set duration.
 *
 * <pre>{@code
 * BenchResult result = Benchmark.run(convene, new BenchSettings(2_000, 200, 0.3, 32, Duration.ofSeconds(30), 1));
 * System.out.println(result.table());
 * }</pre>
 */
public final class Benchmark {
    private Benchmark() {}

    /** Loads the population into an empty Convene store, runs the workload and returns what every operation did. */
    public static BenchResult run(Convene convene, BenchSettings settings) throws InterruptedException {
        return run(new ConveneTarget(convene), Population.plan(settings).writeTo(convene), settings);
    }

    /** The same population and workload on the seed report's own algorithm, for the side-by-side figures. */
    public static BenchResult runSeed(SeedAlgorithm seed, BenchSettings settings) throws InterruptedException {
        return run(new SeedTarget(seed), Population.plan(settings).writeTo(seed), settings);
    }

    private static BenchResult run(Target target, Population population, BenchSettings settings)
            throws InterruptedException {
        Map<Operation, OperationStats> stats = new EnumMap<>(Operation.class);
        for (Operation operation : Operation.values()) stats.put(operation, new OperationStats());
        SplittableRandom seed = new SplittableRandom(settings.seed());
        CountDownLatch done = new CountDownLatch(settings.callers());
        long start = System.nanoTime();
        long deadline = start + settings.duration().toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < settings.callers(); c++) {
            Caller caller = new Caller(c, settings.callers(), target, population, stats, seed.split(), deadline, done);
            Thread thread = new Thread(caller, "bench-caller-" + c);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        if (!done.await(settings.duration().toSeconds() + 120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("callers did not finish");
        }
        long elapsed = System.nanoTime() - start;
        List<BenchResult.Row> rows = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            OperationStats s = stats.get(operation);
            Histogram h = s.histogram();
            rows.add(new BenchResult.Row(operation.name().toLowerCase(), s.issued(), s.ok.sum(), s.refused.sum(),
                    s.failed.sum(), h.getTotalCount(), s.issued() * 1e9 / elapsed, h.getValueAtPercentile(50),
                    h.getValueAtPercentile(99), h.getValueAtPercentile(99.9)));
        }
        return new BenchResult(settings, elapsed / 1e9, rows);
    }

    /** One concurrent caller; it owns the users whose index is its number modulo the number of callers. */
    private static final class Caller implements Runnable {
        final int number;
        final int of;
        final Target target;
        final Population population;
        final Map<Operation, OperationStats> stats;
        final SplittableRandom random;
        final long deadline;
        final CountDownLatch done;
        final List<long[]> joined = new ArrayList<>();
        final Set<String> joinedKeys = new HashSet<>();

        Caller(int number, int of, Target target, Population population, Map<Operation, OperationStats> stats,
               SplittableRandom random, long deadline, CountDownLatch done) {
            this.number = number;
            this.of = of;
            this.target = target;
            this.population = population;
            this.stats = stats;
            this.random = random;
            this.deadline = deadline;
            this.done = done;
        }

        @Override
        public void run() {
            try {
                while (System.nanoTime() < deadline) {
                    Operation operation = Operation.pick(random.nextInt(100));
                    OperationStats s = stats.get(operation);
                    long begin = System.nanoTime();
                    try {
                        perform(operation);
                        s.ok.increment();
                    } catch (Target.Refused refused) {
                        s.refused.increment();
                    } catch (RuntimeException failed) {
                        s.failed.increment();
                    }
                    s.record(System.nanoTime() - begin);
                }
            } finally {
                done.countDown();
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
                    target.post(pair[0], pair[1], "Benchmark message of about one hundred characters, "
                            + "posted by a caller to see what chat costs.");
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
}
