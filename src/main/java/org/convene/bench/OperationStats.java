package org.convene.bench;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** What one operation did in a run: outcomes counted, latencies recorded (microseconds, up to an hour). */
final class OperationStats {
    /** The longest latency recorded as itself; longer ones (none seen: the seed's worst took about a minute) count as this. */
    static final long MAX_MICROS = 3_600_000_000L;
    final Recorder latency = new Recorder(MAX_MICROS, 3);
    final LongAdder ok = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder failed = new LongAdder();
    private Histogram total;

    void record(long nanos) {
        latency.recordValue(Math.min(MAX_MICROS, Math.max(1, nanos / 1_000)));
    }

    /** The latencies recorded so far, all of them (the recorder's intervals added up). */
    synchronized Histogram histogram() {
        Histogram interval = latency.getIntervalHistogram();
        if (total == null) total = interval.copy();
        else total.add(interval);
        return total;
    }

    long issued() {
        return ok.sum() + refused.sum() + failed.sum();
    }
}
