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

    /** The microseconds Redis has spent on commands so far, or -1 where not read. */
    default long redisMicros() {
        return -1;
    }

    /** A meter over two counters. */
    static Meter of(LongSupplier commands, LongSupplier waits) {
        return of(commands, waits, () -> -1);
    }

    /** A meter over three counters: commands, waits and Redis's microseconds. */
    static Meter of(LongSupplier commands, LongSupplier waits, LongSupplier redisMicros) {
        return new Meter() {
            @Override
            public long commands() {
                return commands.getAsLong();
            }

            @Override
            public long waits() {
                return waits.getAsLong();
            }

            @Override
            public long redisMicros() {
                return redisMicros.getAsLong();
            }
        };
    }

    /** A meter that measures nothing; its figures show as absent. */
    Meter NONE = of(() -> -1, () -> -1);

    /** The number of commands in an {@code INFO commandstats} answer, leaving out INFO itself (the meter's own). */
    static long commandsIn(Map<String, String> commandstats) {
        return sum(commandstats, "calls");
    }

    /** The microseconds Redis spent on commands (INFO's own left out), from the same answer. */
    static long microsIn(Map<String, String> commandstats) {
        return sum(commandstats, "usec");
    }

    /** Adds up one field ({@code calls=..,usec=..}) over every command but INFO. */
    private static long sum(Map<String, String> commandstats, String field) {
        long total = 0;
        for (Map.Entry<String, String> e : commandstats.entrySet()) {
            if (!e.getKey().startsWith("cmdstat_") || e.getKey().equals("cmdstat_info")) continue;
            for (String part : e.getValue().split(",")) {
                if (part.startsWith(field + "=")) total += Long.parseLong(part.substring(field.length() + 1));
            }
        }
        return total;
    }
}
