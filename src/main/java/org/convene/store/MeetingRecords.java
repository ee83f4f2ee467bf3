package org.convene.store;

import static org.convene.store.RedisCalls.ms;
import static org.convene.store.RedisCalls.version;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.convene.core.port.Audiences;
import org.convene.model.InstanceStatus;
import org.convene.model.Meeting;
import org.convene.model.MeetingDetails;
import org.convene.model.MeetingInstance;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;
import org.convene.model.SeriesLink;
import org.convene.model.TimeWindow;

/** Meetings with their audiences, and their instances: each meeting's keys under its own hash tag. */
final class MeetingRecords {
    private static final Script NEW_MEETING = Script.load("catalog", "new_meeting").durable();
    private static final Script NEW_INSTANCE = Script.load("catalog", "new_instance").durable();
    private static final Script MEETING_SAVE = Script.load("meeting", "meeting_save").announcing();
    private static final Script MEETING_DELETE = Script.load("meeting", "meeting_delete");
    private static final Script MEETING_GET = Script.load("meeting", "meeting_get").reading();
    private static final Script INSTANCE_CHECK = Script.load("meeting", "instance_check").reading();
    // Durable: the index of due times is told of the instance next, and an instance a failover took back after
    // that would be shown on the lifecycle and then found missing.
    private static final Script INSTANCE_SAVE = Script.load("meeting", "instance_save").announcing().durable();
    private static final Script INSTANCE_DELETE = Script.load("meeting", "instance_delete").announcing().durable();
    private static final Script INSTANCES = Script.load("meeting", "instances").reading();
    private static final Script OPEN_TO = Script.load("meeting", "open_to").reading();

    private final RedisCalls calls;
    private final InstanceLocator locator;
    private final DueTimes due;
    private final LiveView live;

    MeetingRecords(RedisCalls calls, InstanceLocator locator, DueTimes due, LiveView live) {
        this.calls = calls;
        this.locator = locator;
        this.due = due;
        this.live = live;
    }

    Meeting create(MeetingDetails details) {
        long meetingId = calls.await(calls.inCatalog(NEW_MEETING)).ok().number(1);
        return save(meetingId, "create", details, Instant.EPOCH);
    }

    Meeting update(long meetingId, MeetingDetails details, OptionalLong expectedVersion, Instant now) {
        return save(meetingId, version(expectedVersion), details, now);
    }

    private Meeting save(long meetingId, String mode, MeetingDetails d, Instant now) {
        List<String> args = new ArrayList<>(List.of(Long.toString(meetingId), mode, d.title(), d.description(),
                d.isPublic() ? "1" : "0", ms(now), Integer.toString(d.capacity()),
                Integer.toString(d.presence().leaseSeconds()), Integer.toString(d.presence().graceSeconds()),
                Integer.toString(d.reminderMinutes())));
        args.addAll(d.audience());
        Reply reply = calls.await(calls.inMeeting(meetingId, MEETING_SAVE, args.toArray(String[]::new))).ok();
        live.apply(reply, 3);
        if (!mode.equals("create") && d.reminderMinutes() > 0) {
            // The instances still to come are reminded of by the reminder now asked for.
            for (MeetingInstance i : instancesOf(meetingId, now)) {
                if (i.status() == InstanceStatus.SCHEDULED) {
                    Transitions.hintReminder(calls, i.id(), i.from(), d.reminderMinutes());
                }
            }
        }
        return new Meeting(meetingId, d, reply.number(1));
    }

    void delete(long meetingId) {
        calls.await(calls.inMeeting(meetingId, MEETING_DELETE, Long.toString(meetingId))).ok();
        calls.await(calls.commands.zrem(Keys.MEETINGS, Long.toString(meetingId)).toCompletableFuture());
    }

    Optional<Meeting> meeting(long meetingId) {
        return meetingFrom(calls.await(read(meetingId)));
    }

    /** Sends the read of one meeting with its audience; not awaited, so that several go in one round trip. */
    CompletableFuture<Reply> read(long meetingId) {
        return calls.inMeeting(meetingId, MEETING_GET);
    }

    static Optional<Meeting> meetingFrom(Reply reply) {
        if (!reply.isOk()) return Optional.empty();
        return Optional.of(Replies.meeting(reply.hash(1), reply.list(2)));
    }

    List<Meeting> page(long afterId, int limit) {
        List<String> ids = calls.await(calls.commands.zrangebyscore(Keys.MEETINGS,
                Range.from(Range.Boundary.excluding(afterId), Range.Boundary.unbounded()),
                Limit.create(0, limit)).toCompletableFuture());
        List<CompletableFuture<Reply>> replies = ids.stream().map(id -> read(Long.parseLong(id))).toList();
        calls.awaitAll(replies.toArray(CompletableFuture[]::new));
        return replies.stream().map(f -> meetingFrom(calls.result(f))).flatMap(Optional::stream).toList();
    }

    MeetingInstance createInstance(long meetingId, TimeWindow window, Instant now) {
        return createInstance(meetingId, window, null, now);
    }

    /**
     * Creates an instance, or the occurrence {@code series} names of a series; an occurrence that exists
     * already (made by another node's top-up) is returned as it is.
     */
    MeetingInstance createInstance(long meetingId, TimeWindow window, SeriesLink series, Instant now) {
        String from = ms(window.from()), to = ms(window.to());
        // Checked first, so that a refused create allocates no id; only a concurrent create can still race it.
        calls.await(calls.inMeeting(meetingId, INSTANCE_CHECK, from, to, ms(now))).ok();
        long instanceId = calls.await(calls.inCatalog(NEW_INSTANCE, Long.toString(meetingId), from, to)).ok().number(1);
        Reply reply = calls.await(calls.inMeeting(meetingId, INSTANCE_SAVE,
                Long.toString(instanceId), Long.toString(meetingId), "create", from, to, ms(now),
                series == null ? "" : Long.toString(series.seriesId()), series == null ? "" : ms(series.recurrenceId())));
        if (!reply.isOk()) {
            due.status(instanceId, "missing");
            if ("EXISTS".equals(reply.status())) return instance(reply.number(1), now).orElseThrow();
            reply.ok();
        }
        locator.remember(instanceId, meetingId);
        live.apply(reply, 2);
        MeetingInstance made = due.announce(Replies.instance(reply.hash(1), now));
        Transitions.hintReminder(calls, made.id(), made.from(), reply.number(3));
        return made;
    }

    MeetingInstance updateInstance(long instanceId, TimeWindow window, Instant now) {
        String from = ms(window.from()), to = ms(window.to());
        return locator.withMeeting(instanceId, meetingId -> {
            calls.await(calls.inMeeting(meetingId, INSTANCE_SAVE,
                    Long.toString(instanceId), Long.toString(meetingId), "check", from, to, ms(now))).ok();
            // Due times move earlier before the change and exactly after it: a crash in between can
            // only make the scheduler look early, and settle tells it the real time.
            due.early(instanceId, from, to);
            Reply reply = calls.await(calls.inMeeting(meetingId, INSTANCE_SAVE,
                    Long.toString(instanceId), Long.toString(meetingId), "update", from, to, ms(now))).ok();
            live.apply(reply, 2);
            MeetingInstance moved = due.announce(Replies.instance(reply.hash(1), now));
            Transitions.hintReminder(calls, moved.id(), moved.from(), reply.number(3));
            return moved;
        });
    }

    void deleteInstance(long instanceId, Instant now) {
        locator.withMeeting(instanceId, meetingId -> calls.await(calls.inMeeting(meetingId, INSTANCE_DELETE,
                Long.toString(instanceId), ms(now))).ok());
        due.status(instanceId, "missing");
    }

    Optional<MeetingInstance> instance(long instanceId, Instant now) {
        try {
            // The instance hash alone: its meeting and audience are not needed here.
            return Optional.of(locator.withMeeting(instanceId, meetingId -> {
                Map<String, String> h = calls.await(calls.commands.hgetall(Keys.instance(meetingId, instanceId))
                        .toCompletableFuture());
                if (h.isEmpty()) throw Refusal.INVALID_INSTANCE.refuse();
                return Replies.instance(h, now);
            }));
        } catch (RefusedException e) {
            if (e.refusal() == Refusal.INVALID_INSTANCE) return Optional.empty();
            throw e;
        }
    }

    List<MeetingInstance> instancesOf(long meetingId, Instant now) {
        Reply reply = calls.await(calls.inMeeting(meetingId, INSTANCES)).ok();
        return reply.list(1).stream().map(h -> Replies.instance(Reply.hash(h), now)).toList();
    }

    /** The answers to several audience questions in one pipelined round trip; a missing instance is open to nobody. */
    Map<Audiences.Question, Boolean> openTo(Collection<Audiences.Question> questions) {
        Map<Audiences.Question, CompletableFuture<Reply>> replies = new HashMap<>();
        Map<Long, Long> meetingsOf = locator.meetingsOf(questions.stream().map(Audiences.Question::instanceId).toList());
        for (Audiences.Question q : questions) {
            Long meetingId = meetingsOf.get(q.instanceId());
            if (meetingId != null) {
                replies.put(q, calls.inMeeting(meetingId, OPEN_TO, Long.toString(q.instanceId()), q.email()));
            }
        }
        calls.awaitAll(replies.values().toArray(CompletableFuture[]::new));
        Map<Audiences.Question, Boolean> answers = new HashMap<>();
        for (Audiences.Question q : questions) {
            CompletableFuture<Reply> reply = replies.get(q);
            answers.put(q, reply != null && calls.result(reply).isOk() && calls.result(reply).number(1) == 1);
        }
        return answers;
    }

    /** Whether the instance's meeting is public or has the e-mail in its audience; refuses a missing instance. */
    boolean openTo(long instanceId, String email) {
        return locator.withMeeting(instanceId, meetingId -> calls.await(calls.inMeeting(meetingId, OPEN_TO,
                Long.toString(instanceId), email)).ok().number(1) == 1);
    }
}
