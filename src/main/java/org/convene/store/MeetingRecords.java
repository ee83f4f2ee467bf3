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
import org.convene.core.port.MeetingCatalog;
import org.convene.model.Acting;
import org.convene.model.Actor;
import org.convene.model.InstanceStatus;
import org.convene.model.Meeting;
import org.convene.model.MeetingDetails;
import org.convene.model.MeetingOptions;
import org.convene.model.MeetingInstance;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;
import org.convene.model.SeriesLink;
import org.convene.model.TimeWindow;

/**
 * Meetings with their audiences, and their instances: each meeting's keys under its own hash tag. The
 * meetings' port, and the audiences the access rules ask about.
 */
final class MeetingRecords implements MeetingCatalog, Audiences {
    private static final Script NEW_MEETING = Script.load("catalog", "new_meeting").durable();
    private static final Script NEW_INSTANCE = Script.load("catalog", "new_instance").durable();
    private static final Script MEETING_SAVE = Script.load("meeting", "meeting_save").announcing();
    private static final Script MEETING_DELETE = Script.load("meeting", "meeting_delete");
    private static final Script MEETING_OWNER = Script.load("meeting", "meeting_owner").announcing().durable();
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
    private final OpenMeetings open;

    private final OwnedMeetings owned;

    MeetingRecords(RedisCalls calls, InstanceLocator locator, DueTimes due, LiveView live) {
        this.owned = new OwnedMeetings(calls);
        this.calls = calls;
        this.locator = locator;
        this.due = due;
        this.live = live;
        this.open = new OpenMeetings(calls);
    }

    /** new_meeting's and new_instance's answer: the id handed out. */
    private record NewIdReply(long id) {
        static NewIdReply of(Reply reply) {
            return new NewIdReply(reply.ok().number(1));
        }
    }

    /** meeting_owner's answer: the active instance told of the hand-over (0: none). */
    private record HandOverReply(long previous, long told) {
        static HandOverReply of(Reply reply) {
            if ("FORBIDDEN".equals(reply.status())) throw Refusal.HOSTS_ONLY.refuse();
            Reply ok = reply.ok();
            return new HandOverReply(ok.isNull(2) ? 0 : ok.number(2), ok.isNull(3) ? 0 : ok.number(3));
        }
    }

    /** meeting_save's answer: the meeting's new version, its active instance (0: none), its owner, co-hosts and options. */
    private record MeetingSaveReply(long version, long activeInstance, OptionalLong owner, List<Long> cohosts,
                                    MeetingOptions options) {
        static MeetingSaveReply of(Reply reply) {
            Reply ok = reply.ok();
            return new MeetingSaveReply(ok.number(1), ok.isNull(3) ? 0 : ok.number(3),
                    ok.isNull(4) ? OptionalLong.empty() : OptionalLong.of(ok.number(4)), Meeting.cohosts(ok.text(5)),
                    MeetingOptions.stored(Map.of("chatMode", ok.text(6), "cohostsCanEnd", ok.text(7),
                            "attendanceView", ok.text(8), "lobby", ok.text(9), "callUrl", ok.text(10))));
        }
    }

    /**
     * instance_save's answer to a create or an update: the instance's hash and the meeting's reminder
     * (minutes, 0 none); or, for an occurrence another node made first, that instance's id.
     */
    private record InstanceSaveReply(Map<String, String> instance, long reminderMinutes, long existingId) {
        static InstanceSaveReply of(Reply reply) {
            if ("EXISTS".equals(reply.status())) return new InstanceSaveReply(Map.of(), 0, reply.number(1));
            Reply ok = reply.ok();
            return new InstanceSaveReply(ok.hash(1), ok.number(2), 0);
        }

        boolean exists() {
            return existingId != 0;
        }
    }

    /** instances' answer: each instance's hash, by start. */
    private record InstancesReply(List<Map<String, String>> instances) {
        static InstancesReply of(Reply reply) {
            return new InstancesReply(reply.ok().list(1).stream().map(Reply::hash).toList());
        }
    }

    /** open_to's answer: whether the meeting is open to the e-mail (a missing instance is open to nobody). */
    private record OpenToReply(boolean open) {
        static OpenToReply of(Reply reply) {
            return new OpenToReply(reply.ok().number(1) == 1);
        }

        static boolean orNobody(Reply reply) {
            return reply.isOk() && of(reply).open();
        }
    }

    @Override
    public Meeting create(MeetingDetails details, OptionalLong owner, Acting acting, Instant now) {
        long meetingId = NewIdReply.of(calls.await(calls.inCatalog(NEW_MEETING))).id();
        // The index of owned meetings is written first: it may name a meeting that a crash left unmade, never miss one.
        if (owner.isPresent()) owned.add(owner.getAsLong(), meetingId);
        return save(meetingId, owner.isPresent() ? "create:" + owner.getAsLong() : "create", details, now, acting);
    }

    @Override
    public Meeting update(long meetingId, MeetingDetails details, OptionalLong expectedVersion, Instant now, Acting acting) {
        return save(meetingId, version(expectedVersion), details, now, acting);
    }

    private Meeting save(long meetingId, String mode, MeetingDetails d, Instant now, Acting acting) {
        List<String> args = new ArrayList<>(List.of(Long.toString(meetingId), mode, d.title(), d.description(),
                d.isPublic() ? "1" : "0", ms(now), Integer.toString(d.capacity()),
                Integer.toString(d.presence().leaseSeconds()), Integer.toString(d.presence().graceSeconds()),
                Integer.toString(d.reminderMinutes())));
        args.addAll(RedisCalls.actor(acting));
        args.addAll(d.audience());
        MeetingSaveReply saved = MeetingSaveReply.of(calls.await(calls.audited(meetingId, MEETING_SAVE,
                args.toArray(String[]::new))));
        if (saved.activeInstance() != 0) live.changed(saved.activeInstance());
        Meeting meeting = new Meeting(meetingId, d, saved.version(), saved.owner(), saved.cohosts(), saved.options());
        open.saved(meeting);
        if (!mode.startsWith("create") && d.reminderMinutes() > 0) {
            // The instances still to come are reminded of by the reminder now asked for.
            for (MeetingInstance i : instancesOf(meetingId, now)) {
                if (i.status() == InstanceStatus.SCHEDULED) {
                    Transitions.hintReminder(calls, i.id(), i.from(), d.reminderMinutes());
                }
            }
        }
        return meeting;
    }

    @Override
    public Meeting handOver(long meetingId, long ownerId, Actor actor, Instant now, String requestId) {
        owned.add(ownerId, meetingId);
        Reply reply = calls.await(calls.audited(meetingId, MEETING_OWNER, Long.toString(ownerId), actor.kind().wire(),
                Long.toString(actor.userId()), actor.role().wire(), ms(now), requestId == null ? "" : requestId));
        HandOverReply handed = HandOverReply.of(reply);
        if (handed.previous() != 0 && handed.previous() != ownerId) owned.remove(handed.previous(), meetingId);
        if (handed.told() != 0) live.changed(handed.told());
        return meeting(meetingId).orElseThrow(Refusal.INVALID_MEETING::refuse);
    }

    @Override
    public void delete(long meetingId, Acting acting, Instant now) {
        String owner = calls.await(calls.commands.hget(Keys.meeting(meetingId) + ":meeting", "owner").toCompletableFuture());
        List<String> args = new ArrayList<>(List.of(Long.toString(meetingId), ms(now)));
        args.addAll(RedisCalls.actor(acting));
        calls.await(calls.audited(meetingId, MEETING_DELETE, args.toArray(String[]::new))).ok();
        if (owner != null) owned.remove(Long.parseLong(owner), meetingId);
        calls.await(calls.commands.zrem(Keys.MEETINGS, Long.toString(meetingId)).toCompletableFuture());
        open.deleted(meetingId);
    }

    @Override
    public List<Long> ownedBy(long userId) {
        List<Long> candidates = owned.candidates(userId);
        List<CompletableFuture<String>> owners = candidates.stream().map(id -> calls.commands
                .hget(Keys.meeting(id) + ":meeting", "owner").toCompletableFuture()).toList();
        calls.awaitAll(owners.toArray(CompletableFuture[]::new));
        List<Long> owns = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (Long.toString(userId).equals(owners.get(i).join())) owns.add(candidates.get(i));
        }
        return owns;
    }

    @Override
    public Optional<Meeting> meeting(long meetingId) {
        return MeetingReply.of(calls.await(read(meetingId))).meeting();
    }

    /** Sends the read of one meeting with its audience; not awaited, so that several go in one round trip. */
    CompletableFuture<Reply> read(long meetingId) {
        return read(calls, meetingId);
    }

    /** The same on any connection: for the layout steps, which run before the store parts exist. */
    static CompletableFuture<Reply> read(RedisCalls calls, long meetingId) {
        return calls.inMeeting(meetingId, MEETING_GET);
    }

    @Override
    public List<Meeting> page(long afterId, int limit) {
        List<String> ids = calls.await(calls.commands.zrangebyscore(Keys.MEETINGS,
                Range.from(Range.Boundary.excluding(afterId), Range.Boundary.unbounded()),
                Limit.create(0, limit)).toCompletableFuture());
        return readAll(ids.stream().map(Long::parseLong).toList());
    }

    /** The meetings open to a user of this (normalised) e-mail, by id: the index narrows, each meeting decides. */
    @Override
    public List<Meeting> meetingsOpenTo(String email) {
        return readAll(open.candidates(email)).stream().filter(m -> m.details().admits(email)).toList();
    }

    /** Reads meetings in one round trip, in the order given, leaving out those that are gone. */
    private List<Meeting> readAll(List<Long> ids) {
        List<CompletableFuture<Reply>> replies = ids.stream().map(this::read).toList();
        calls.awaitAll(replies.toArray(CompletableFuture[]::new));
        return replies.stream().map(f -> MeetingReply.of(calls.result(f)).meeting()).flatMap(Optional::stream).toList();
    }

    @Override
    public MeetingInstance createInstance(long meetingId, TimeWindow window, Instant now, Acting acting) {
        return createInstance(meetingId, window, null, now, acting);
    }

    /**
     * Creates an instance, or the occurrence {@code series} names of a series; an occurrence that exists
     * already (made by another node's top-up) is returned as it is.
     */
    MeetingInstance createInstance(long meetingId, TimeWindow window, SeriesLink series, Instant now, Acting acting) {
        String from = ms(window.from()), to = ms(window.to());
        // Checked first, so that a refused create allocates no id; only a concurrent create can still race it.
        calls.await(calls.inMeeting(meetingId, INSTANCE_CHECK, from, to, ms(now))).ok();
        long instanceId = NewIdReply.of(calls.await(calls.inCatalog(NEW_INSTANCE, Long.toString(meetingId), from, to))).id();
        List<String> args = new ArrayList<>(List.of(Long.toString(instanceId), Long.toString(meetingId), "create", from, to,
                ms(now), series == null ? "" : Long.toString(series.seriesId()), series == null ? "" : ms(series.recurrenceId())));
        if (acting != null) args.addAll(RedisCalls.actor(acting));
        Reply reply = calls.await(acting == null ? calls.inMeeting(meetingId, INSTANCE_SAVE, args.toArray(String[]::new))
                : calls.audited(meetingId, INSTANCE_SAVE, args.toArray(String[]::new)));
        InstanceSaveReply saved;
        try {
            saved = InstanceSaveReply.of(reply);
        } catch (RefusedException refused) {
            due.status(instanceId, "missing");
            throw refused;
        }
        if (saved.exists()) {
            due.status(instanceId, "missing");
            return instance(saved.existingId(), now).orElseThrow();
        }
        locator.remember(instanceId, meetingId);
        live.changed(instanceId);
        MeetingInstance made = due.announce(Replies.instance(saved.instance(), now));
        Transitions.hintReminder(calls, made.id(), made.from(), saved.reminderMinutes());
        return made;
    }

    @Override
    public MeetingInstance updateInstance(long instanceId, TimeWindow window, Instant now, Acting acting) {
        String from = ms(window.from()), to = ms(window.to());
        return locator.withMeeting(instanceId, meetingId -> {
            calls.await(calls.inMeeting(meetingId, INSTANCE_SAVE,
                    Long.toString(instanceId), Long.toString(meetingId), "check", from, to, ms(now))).ok();
            // Due times move earlier before the change and exactly after it: a crash in between can
            // only make the scheduler look early, and settle tells it the real time.
            due.early(instanceId, from, to);
            List<String> args = new ArrayList<>(List.of(Long.toString(instanceId), Long.toString(meetingId), "update", from, to,
                    ms(now), "", ""));
            args.addAll(RedisCalls.actor(acting));
            InstanceSaveReply saved = InstanceSaveReply.of(calls.await(calls.audited(meetingId, INSTANCE_SAVE,
                    args.toArray(String[]::new))));
            live.changed(instanceId);
            MeetingInstance moved = due.announce(Replies.instance(saved.instance(), now));
            Transitions.hintReminder(calls, moved.id(), moved.from(), saved.reminderMinutes());
            return moved;
        });
    }

    @Override
    public void deleteInstance(long instanceId, Instant now, Acting acting) {
        List<String> args = new ArrayList<>(List.of(Long.toString(instanceId), ms(now)));
        args.addAll(RedisCalls.actor(acting));
        locator.withMeeting(instanceId, meetingId -> calls.await(calls.audited(meetingId, INSTANCE_DELETE,
                args.toArray(String[]::new))).ok());
        due.status(instanceId, "missing");
    }

    @Override
    public Optional<MeetingInstance> instance(long instanceId, Instant now) {
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

    @Override
    public List<MeetingInstance> instancesOf(long meetingId, Instant now) {
        return InstancesReply.of(calls.await(calls.inMeeting(meetingId, INSTANCES))).instances().stream()
                .map(h -> Replies.instance(h, now)).toList();
    }

    /** The answers to several audience questions in one pipelined round trip; a missing instance is open to nobody. */
    @Override
    public Map<Audiences.Question, Boolean> openTo(Collection<Audiences.Question> questions) {
        Map<Audiences.Question, CompletableFuture<Reply>> replies = new HashMap<>();
        Map<Long, Long> meetingsOf = locator.meetingsOf(questions.stream().map(Audiences.Question::instanceId).toList());
        for (Audiences.Question q : questions) {
            Long meetingId = meetingsOf.get(q.instanceId());
            if (meetingId != null) {
                replies.put(q, calls.inMeeting(meetingId, OPEN_TO, Long.toString(q.instanceId()), q.email(),
                        Long.toString(q.userId())));
            }
        }
        calls.awaitAll(replies.values().toArray(CompletableFuture[]::new));
        Map<Audiences.Question, Boolean> answers = new HashMap<>();
        for (Audiences.Question q : questions) {
            CompletableFuture<Reply> reply = replies.get(q);
            answers.put(q, reply != null && OpenToReply.orNobody(calls.result(reply)));
        }
        return answers;
    }

    @Override
    public long meetingOf(long instanceId) {
        return locator.withMeeting(instanceId, meetingId -> meetingId);
    }

    /** Whether the instance is open to the user (public, audience, or let in from its lobby); refuses a missing instance. */
    @Override
    public boolean openTo(long instanceId, String email, long userId) {
        return locator.withMeeting(instanceId, meetingId -> OpenToReply.of(calls.await(calls.inMeeting(meetingId, OPEN_TO,
                Long.toString(instanceId), email, Long.toString(userId)))).open());
    }
}
