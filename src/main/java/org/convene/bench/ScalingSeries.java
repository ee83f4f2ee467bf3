package org.convene.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convene.core.Convene;


/**
 * The same workload with more and more history already stored (1 thousand to 1 million past events
 * and messages, say): Convene's cost should not move; the seed algorithm's grows with every KEYS scan.
 *
 * <pre>{@code
 * ScalingSeries.Result series = ScalingSeries.run(convene, meter, settings, List.of(1_000L, 1_000_000L), null, null, 0);
 * System.out.println(series.table());
 * }</pre>
 */
public final class ScalingSeries {
    private ScalingSeries() {}

    /** One level: the history stored before the runs, and what each system did on top of it (seed: null when not run). */
    public record Level(long history, BenchResult convene, BenchResult seed) {}

    /** Every level, in order. */
    public record Result(List<Level> levels) {
        /** The table: throughput and p99 per level, p99 as a multiple of the first level's, and the ratio to the seed. */
        public String table() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-12s %11s %10s %9s %11s %10s %9s%n",
                    "history", "Convene/s", "p99 us", "p99 x1st", "seed/s", "seed p99", "ratio"));
            long first = levels.isEmpty() ? 1 : Math.max(1, levels.get(0).convene().p99());
            for (Level level : levels) {
                BenchResult c = level.convene();
                BenchResult s = level.seed();
                out.append(String.format(Locale.ROOT, "%-12d %11.0f %10d %9.2f %11s %10s %9s%n", level.history(),
                        c.perSecond(), c.p99(), c.p99() / (double) first,
                        s == null ? "-" : String.format(Locale.ROOT, "%.1f", s.perSecond()),
                        s == null ? "-" : Long.toString(s.p99()),
                        s == null ? "-" : s.issued() == 0 ? "no seed op done"
                                : String.format(Locale.ROOT, "%.0fx", c.perSecond() / s.perSecond())));
            }
            return out.toString();
        }
    }

    /**
     * Loads the population into the empty stores, then for each level tops the history up to it and
     * runs the workload; the seed (when given) only up to {@code seedMaxLevel}, where its scans get slow.
     */
    public static Result run(Convene convene, Meter meter, BenchSettings settings, List<Long> levels,
                             SeedAlgorithm seed, Meter seedMeter, long seedMaxLevel) throws Exception {
        Population population = Population.plan(settings).writeTo(convene);
        History history = new History(population);
        Population seedPopulation = seed == null ? null : Population.plan(settings).writeTo(seed);
        History seedHistory = seed == null ? null : new History(seedPopulation);
        List<Level> results = new ArrayList<>();
        for (long level : levels) {
            history.topUp(convene, level);
            BenchResult c = Benchmark.run("Convene (engine), history " + history.stored(), new ConveneTarget(convene),
                    population, meter, settings);
            BenchResult s = null;
            if (seed != null && level <= seedMaxLevel) {
                seedHistory.topUp(seed, level);
                s = Benchmark.run("The seed's algorithm, history " + seedHistory.stored(), new SeedTarget(seed),
                        seedPopulation, seedMeter, settings);
            }
            results.add(new Level(history.stored(), c, s));
        }
        return new Result(results);
    }
}
