package org.convene.bench;

import java.util.List;
import java.util.Locale;

/** What a run did: for each operation, the counts, the throughput and latency percentiles (microseconds). */
public record BenchResult(BenchSettings settings, double seconds, List<Row> rows) {

    public record Row(String operation, long issued, long ok, long refused, long failed, long recorded,
                      double perSecond, long p50, long p99, long p999) {}

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
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%-17s %10s %10s %9s %7s %10s %10s %10s%n", "operation", "ops", "ops/s", "refused", "failed",
                "p50 us", "p99 us", "p99.9 us"));
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%-17s %10d %10.0f %9d %7d %10d %10d %10d%n", r.operation(),
                    r.issued(), r.perSecond(), r.refused(), r.failed(), r.p50(), r.p99(), r.p999()));
        }
        out.append(String.format(Locale.ROOT, "%-17s %10d %10.0f %9d %7d%n", "all", issued(), perSecond(),
                rows.stream().mapToLong(Row::refused).sum(), failed()));
        out.append(String.format(Locale.ROOT, "%d users, %d meetings (%.0f%% private), %d callers, %.1f s%n",
                settings.users(), settings.meetings(), settings.privateShare() * 100, settings.callers(), seconds));
        return out.toString();
    }
}
