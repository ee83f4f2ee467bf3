package org.convene.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.convene.core.Convene;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;


/**
 * Past events and chat messages written into the population's instances before a run, half of
 * each, so that the workload meets a store with that much history: joins and leaves in pairs (the
 * user ends outside, as before), and messages posted by one member of each instance.
 */
final class History {
    private static final int THREADS = 16;
    private final Population population;
    private long stored;

    History(Population population) {
        this.population = population;
    }

    /** How many events and messages this history has written so far. */
    long stored() {
        return stored;
    }

    /** Writes events and messages through Convene's own operations until {@code level} are stored. */
    void topUp(Convene convene, long level) throws Exception {
        long missing = level - stored;
        if (missing <= 0) return;
        int instances = population.instances.size();
        long pairsEach = ceil(missing, 4L * instances);
        long messagesEach = ceil(missing, 2L * instances);
        AtomicLong written = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int index = 0; index < instances; index++) {
                int i = index;
                work.add(pool.submit(() -> {
                    long instance = population.instances.get(i);
                    List<Long> admitted = population.admitted.get(i);
                    for (long p = 0; p < pairsEach; p++) {
                        long user = admitted.get((int) (p % admitted.size()));
                        if (quietly(() -> convene.join(user, instance)) && quietly(() -> convene.leave(user, instance))) {
                            written.addAndGet(2);
                        }
                    }
                    long author = admitted.get(0);
                    quietly(() -> convene.join(author, instance));
                    for (long m = 0; m < messagesEach; m++) {
                        if (quietly(() -> convene.post(author, instance, Population.MESSAGE))) written.incrementAndGet();
                    }
                    quietly(() -> convene.leave(author, instance));
                    return null;
                }));
            }
            for (Future<?> f : work) f.get();
        } finally {
            pool.shutdown();
        }
        stored += written.get();
    }

    /** Writes the same amount of history into the seed's layout, the way its own join, leave and post would. */
    void topUp(SeedAlgorithm seed, long level) {
        long missing = level - stored;
        if (missing <= 0) return;
        int instances = population.instances.size();
        long pairsEach = ceil(missing, 4L * instances);
        long messagesEach = ceil(missing, 2L * instances);
        for (int i = 0; i < instances; i++) {
            long instance = population.instances.get(i);
            List<Long> admitted = population.admitted.get(i);
            for (long p = 0; p < pairsEach; p++) {
                long user = admitted.get((int) (p % admitted.size()));
                seed.addPastEvent(user, instance, "join_meeting");
                seed.addPastEvent(user, instance, "leave_meeting");
                stored += 2;
            }
            for (long m = 0; m < messagesEach; m++) {
                seed.addPastMessage(admitted.get(0), instance, Population.MESSAGE);
                stored++;
            }
        }
    }

    private static long ceil(long amount, long parts) {
        return Math.max(1, (amount + parts - 1) / parts);
    }

    /** Runs a write; a refusal (a caller of an earlier run still in, say) is skipped rather than fatal. */
    private static boolean quietly(Runnable write) {
        try {
            write.run();
            return true;
        } catch (RefusedException e) {
            if (e.refusal() == Refusal.INVALID_INPUT) throw e;
            return false;
        }
    }
}
