package org.convene.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongUnaryOperator;
import org.convene.core.Convene;
import org.convene.model.MeetingDetails;
import org.convene.model.TimeWindow;
import org.convene.model.UserDetails;

/**
 * Redis memory per stored chat message and per event, all indexes and feeds included: the growth of what
 * the probe's own meeting holds (every key under its hash tag, the events log's too, by MEMORY USAGE of each,
 * exactly) over thousands of 100-character posts, then over thousands of joins and leaves, in an instance of
 * its own. Not {@code used_memory}: that moves with everything else the server holds and frees (a workload run
 * before, the allocator's reuse of freed pages), and swung between 85 and 715 bytes an event across runs.
 * Fewer entries than the live feed's cap, so that the feed grows with every one.
 */
public final class MemoryProbe {
    private MemoryProbe() {}

    /** Bytes per message and per event; {@code messages} and {@code events} say how many were written. */
    public record Result(long messages, double bytesPerMessage, long events, double bytesPerEvent) {
        public String table() {
            return String.format(Locale.ROOT, "Redis memory per 100-character chat message: %.0f bytes (over %d)%n"
                    + "Redis memory per event (join or leave): %.0f bytes (over %d)%n", bytesPerMessage, messages,
                    bytesPerEvent, events);
        }
    }

    /**
     * Writes {@code count} messages and as many events into a new meeting, reading {@code bytesOfMeeting} (what a
     * meeting's keys hold, by its id) around each.
     */
    public static Result run(Convene convene, LongUnaryOperator bytesOfMeeting, int count) {
        if (count > 8_000) throw new IllegalArgumentException("at most 8000 writes, below the live feed's cap");
        Instant now = convene.now();
        long meeting = convene.createMeeting(new MeetingDetails("Memory probe", "", true, List.of())).id();
        long instance = convene.createInstance(meeting, new TimeWindow(now.minus(Duration.ofMinutes(1)),
                now.plus(Duration.ofDays(1)))).id();
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            users.add(convene.createUser(new UserDetails("Memory probe " + i, 30, "", "memory-probe-" + i + "-"
                    + now.toEpochMilli() + "@example.com")).id());
        }
        long author = users.get(0);
        convene.join(author, instance);
        convene.post(author, instance, Population.MESSAGE); // the chat stream exists before the measure

        long before = bytesOfMeeting.applyAsLong(meeting);
        for (int i = 0; i < count; i++) convene.post(author, instance, Population.MESSAGE);
        long afterMessages = bytesOfMeeting.applyAsLong(meeting);

        convene.leave(author, instance);
        long beforeEvents = bytesOfMeeting.applyAsLong(meeting);
        int events = 0;
        while (events < count) {
            long user = users.get((events / 2) % users.size());
            convene.join(user, instance);
            convene.leave(user, instance);
            events += 2;
        }
        long afterEvents = bytesOfMeeting.applyAsLong(meeting);
        return new Result(count, (afterMessages - before) / (double) count, events,
                (afterEvents - beforeEvents) / (double) events);
    }
}
