package org.convene.bench;

import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Counters read before and after a stretch of work: the Redis commands the server executed (from
 * {@code INFO commandstats}, those run inside scripts included) and the times a caller waited for
 * Redis (one per round trip).
 */
public interface Meter {
    long commands();

    long waits();

    /** A meter over two counters. */
    static Meter of(LongSupplier commands, LongSupplier waits) {
        return new Meter() {
            @Override
            public long commands() {
                return commands.getAsLong();
            }

            @Override
            public long waits() {
                return waits.getAsLong();
            }
        };
    }

    /** A meter that measures nothing; its figures show as absent. */
    Meter NONE = of(() -> -1, () -> -1);

    /** The number of commands in an {@code INFO commandstats} answer, leaving out INFO itself (the meter's own). */
    static long commandsIn(Map<String, String> commandstats) {
        long calls = 0;
        for (Map.Entry<String, String> e : commandstats.entrySet()) {
            if (!e.getKey().startsWith("cmdstat_") || e.getKey().equals("cmdstat_info")) continue;
            calls += field(e.getValue(), "calls");
        }
        return calls;
    }

    /** The microseconds Redis spent on commands, from the same answer. */
    static long microsIn(Map<String, String> commandstats) {
        long micros = 0;
        for (Map.Entry<String, String> e : commandstats.entrySet()) {
            if (e.getKey().startsWith("cmdstat_") && !e.getKey().equals("cmdstat_info")) micros += field(e.getValue(), "usec");
        }
        return micros;
    }

    private static long field(String stat, String name) {
        for (String part : stat.split(",")) {
            if (part.startsWith(name + "=")) return Long.parseLong(part.substring(name.length() + 1));
        }
        return 0;
    }
}
