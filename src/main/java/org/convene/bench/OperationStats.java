package org.convene.bench;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** What one operation did in a run: outcomes counted, latencies recorded (microseconds, up to a minute). */
final class OperationStats {
    final Recorder latency = new Recorder(60_000_000L, 3);
    final LongAdder ok = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder failed = new LongAdder();
    private Histogram total;

    void record(long nanos) {
        latency.recordValue(Math.max(1, nanos / 1_000));
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
