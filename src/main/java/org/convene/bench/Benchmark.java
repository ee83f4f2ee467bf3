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
import org.convene.model.RefusedException;

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

    /** Loads the population into an empty store, runs the workload and returns what every operation did. */
    public static BenchResult run(Convene convene, BenchSettings settings) throws InterruptedException {
        Population population = Population.load(convene, settings);
        Map<Operation, OperationStats> stats = new EnumMap<>(Operation.class);
        for (Operation operation : Operation.values()) stats.put(operation, new OperationStats());
        SplittableRandom seed = new SplittableRandom(settings.seed());
        CountDownLatch done = new CountDownLatch(settings.callers());
        long start = System.nanoTime();
        long deadline = start + settings.duration().toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < settings.callers(); c++) {
            Caller caller = new Caller(c, settings.callers(), convene, population, stats, seed.split(), deadline, done);
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
        final Convene convene;
        final Population population;
        final Map<Operation, OperationStats> stats;
        final SplittableRandom random;
        final long deadline;
        final CountDownLatch done;
        final List<long[]> joined = new ArrayList<>();
        final Set<String> joinedKeys = new HashSet<>();

        Caller(int number, int of, Convene convene, Population population, Map<Operation, OperationStats> stats,
               SplittableRandom random, long deadline, CountDownLatch done) {
            this.number = number;
            this.of = of;
            this.convene = convene;
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
                    } catch (RefusedException refused) {
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
                    convene.join(user, instance);
                    if (joinedKeys.add(key)) joined.add(new long[] {user, instance});
                }
                case LEAVE -> {
                    long[] pair = takeJoined();
                    convene.leave(pair[0], pair[1]);
                }
                case POST -> {
                    long[] pair = anyJoined();
                    convene.post(pair[0], pair[1], "Benchmark message of about one hundred characters, "
                            + "posted by a caller to see what chat costs.");
                }
                case READ_CHAT -> convene.chat(instance, 0, 50);
                case PARTICIPANTS -> convene.participants(instance);
                case ACTIVE_INSTANCES -> convene.activeInstances();
                case JOIN_TIMES -> convene.joinTimes();
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
