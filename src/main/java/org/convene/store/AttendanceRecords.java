package org.convene.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.convene.core.port.AttendanceLog;
import org.convene.model.Attendee;
import org.convene.model.InstanceAttendance;
import org.convene.model.Refusal;
import org.convene.model.Wait;
import org.convene.model.WaitEnd;
import org.convene.model.WaitedPerson;
import org.convene.model.Segment;
import org.convene.model.SegmentEnd;

/**
 * The attendance the meeting scripts keep as they write the events log (see {@code attend} in
 * meeting/_lib.lua): per instance, each attendee's segments and the name they joined with. Reading
 * an instance's is three plain commands in one round trip, its cost proportional to its attendees;
 * one user's is a script per meeting they joined, all in one round trip after the index.
 */
final class AttendanceRecords implements AttendanceLog {
    private static final Script USER_ATTENDANCE = Script.load("meeting", "user_attendance").reading();

    private final RedisCalls calls;
    private final InstanceLocator locator;

    AttendanceRecords(RedisCalls calls, InstanceLocator locator) {
        this.calls = calls;
        this.locator = locator;
    }

    /** user_attendance's answer: for each instance of the meeting the user attended, its hash, their segments and name. */
    private record UserAttendanceReply(List<Row> rows) {
        record Row(Map<String, String> instance, String segments, String name) {}

        static UserAttendanceReply of(Reply reply) {
            return new UserAttendanceReply(reply.ok().rows(1).stream()
                    .map(row -> new Row(row.hash(1), row.text(2), row.text(3))).toList());
        }
    }

    @Override
    public InstanceAttendance ofInstance(long instanceId, Instant now) {
        return locator.withMeeting(instanceId, meetingId -> {
            String key = Keys.instance(meetingId, instanceId);
            CompletableFuture<Map<String, String>> instance = calls.commands.hgetall(key).toCompletableFuture();
            CompletableFuture<Map<String, String>> segments = calls.commands.hgetall(key + ":attendance").toCompletableFuture();
            CompletableFuture<Map<String, String>> names = calls.commands.hgetall(key + ":attendees").toCompletableFuture();
            CompletableFuture<Map<String, String>> waits = calls.commands.hgetall(key + ":waited").toCompletableFuture();
            CompletableFuture<java.util.Set<String>> guests = calls.commands.smembers(key + ":guests").toCompletableFuture();
            calls.awaitAll(instance, segments, names, waits, guests);
            Map<String, String> h = calls.result(instance);
            if (h.isEmpty()) throw Refusal.INVALID_INSTANCE.refuse();
            List<Attendee> attendees = new ArrayList<>();
            Map<String, String> kept = calls.result(names);
            calls.result(segments).forEach((uid, stored) ->
                    attendees.add(new Attendee(Long.parseLong(uid), kept.getOrDefault(uid, ""), segments(stored))));
            return new InstanceAttendance(Replies.instance(h, now), attendees, waited(key, calls.result(waits)),
                    calls.result(guests).stream().map(Long::parseLong).collect(java.util.stream.Collectors.toSet()));
        });
    }

    /** One user's attendance in every instance they attended, each with that user alone. */
    @Override
    public List<InstanceAttendance> ofUser(long userId, Instant now) {
        List<InstanceAttendance> found = new ArrayList<>();
        for (Reply reply : calls.inMeetingsOf(userId, USER_ATTENDANCE, Long.toString(userId))) {
            for (UserAttendanceReply.Row row : UserAttendanceReply.of(reply).rows()) {
                found.add(new InstanceAttendance(Replies.instance(row.instance(), now),
                        List.of(new Attendee(userId, row.name(), segments(row.segments())))));
            }
        }
        return found;
    }

    /**
     * The people who waited in the instance's lobby (its hash {@code waited}), with the names they waited under (its
     * lobby's states, read only when someone waited: most instances have no lobby).
     */
    private List<WaitedPerson> waited(String key, Map<String, String> stored) {
        if (stored.isEmpty()) return List.of();
        Map<String, String> states = calls.await(calls.commands.hgetall(key + ":lobby:state").toCompletableFuture());
        List<WaitedPerson> waited = new ArrayList<>();
        stored.forEach((uid, waits) -> {
            String state = states.getOrDefault(uid, "");
            int second = state.indexOf(':', state.indexOf(':') + 1);
            waited.add(new WaitedPerson(Long.parseLong(uid), second < 0 ? "" : state.substring(second + 1), waits(waits)));
        });
        waited.sort(java.util.Comparator.comparing((WaitedPerson w) -> w.waits().get(0).from())
                .thenComparingLong(WaitedPerson::userId));
        return waited;
    }

    /** Parses {@code <from>:<to>:<how>,...,<from>} (the last open while they wait). */
    static List<Wait> waits(String stored) {
        List<Wait> waits = new ArrayList<>();
        for (String part : stored.split(",")) {
            String[] f = part.split(":");
            waits.add(f.length == 1 ? new Wait(Replies.millis(f[0]), null, null)
                    : new Wait(Replies.millis(f[0]), Replies.millis(f[1]), WaitEnd.ofCode(f[2].charAt(0))));
        }
        return waits;
    }

    /** Parses {@code <joined>:<left>:<end>,...,<joined>} (the last segment open while they are inside). */
    static List<Segment> segments(String stored) {
        List<Segment> segments = new ArrayList<>();
        for (String part : stored.split(",")) {
            String[] f = part.split(":");
            segments.add(f.length == 1 ? new Segment(Replies.millis(f[0]), null, null)
                    : new Segment(Replies.millis(f[0]), Replies.millis(f[1]), SegmentEnd.ofCode(f[2].charAt(0))));
        }
        return segments;
    }
}
