package org.convene.bench;

import java.util.List;
import java.util.Locale;

/**
 * What a run did ({@code p99}: over all operations together, microseconds): for each operation, the counts, the throughput, latency percentiles
 * (microseconds) and, measured apart on one caller, Redis round trips and commands per operation.
 */
public record BenchResult(String system, BenchSettings settings, double seconds, List<Row> rows, long p99,
                          double jvmMicrosPerOp, double redisMicrosPerOp) {

    /** A result without CPU figures (where they were not read). */
    public BenchResult(String system, BenchSettings settings, double seconds, List<Row> rows, long p99) {
        this(system, settings, seconds, rows, p99, -1, -1);
    }

    /** One operation's figures; {@code waitsPerOp} and {@code commandsPerOp} are negative when not measured. */
    public record Row(String operation, long issued, long ok, long refused, long failed, long recorded,
                      double perSecond, long p50, long p99, long p999, double waitsPerOp, double commandsPerOp) {}

    public long issued() {
        return rows.stream().mapToLong(Row::issued).sum();
    }

    public long failed() {
        return rows.stream().mapToLong(Row::failed).sum();
    }

    public double perSecond() {
        return issued() / seconds;
    }

    /** The result as a plain-text table, with a total line. */
    public String table() {
        StringBuilder out = new StringBuilder(system + "\n").append(String.format(Locale.ROOT,
                "%-17s %9s %8s %8s %6s %8s %8s %9s %7s %7s%n", "operation", "ops", "ops/s", "refused", "failed",
                "p50 us", "p99 us", "p99.9 us", "trips", "cmds"));
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%-17s %9d %8.0f %8d %6d %8d %8d %9d %7s %7s%n", r.operation(),
                    r.issued(), r.perSecond(), r.refused(), r.failed(), r.p50(), r.p99(), r.p999(),
                    figure(r.waitsPerOp()), figure(r.commandsPerOp())));
        }
        out.append(String.format(Locale.ROOT, "%-17s %9d %8.0f %8d %6d %8s %8d%n", "all", issued(), perSecond(),
                rows.stream().mapToLong(Row::refused).sum(), failed(), "", p99));
        out.append(String.format(Locale.ROOT, "%d users, %d meetings (%.0f%% private), %d callers, %.1f s measured "
                        + "after %d s of warm-up; trips = Redis round trips per operation, cmds = Redis commands per "
                        + "operation (inside scripts too)%n", settings.users(), settings.meetings(),
                settings.privateShare() * 100, settings.callers(), seconds, settings.warmup().toSeconds()));
        if (jvmMicrosPerOp >= 0) {
            out.append(String.format(Locale.ROOT, "CPU per operation over the measured run: JVM %.1f us (the callers "
                    + "included), Redis %s us (its commands' own time)%n", jvmMicrosPerOp, figure(redisMicrosPerOp)));
        }
        return out.toString();
    }

    private static String figure(double value) {
        return value < 0 ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }
}
