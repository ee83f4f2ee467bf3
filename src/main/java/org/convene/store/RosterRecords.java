package org.convene.store;

import static org.convene.store.RedisCalls.ms;

import io.lettuce.core.ZAddArgs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.convene.core.port.Roster;
import org.convene.model.GlobalRole;
import org.convene.model.Actor;
import org.convene.model.ActiveInstance;
import org.convene.model.EndResult;
import org.convene.model.InstanceStatus;
import org.convene.model.JoinOutcome;
import org.convene.model.JoinResult;
import org.convene.model.LeaveResult;
import org.convene.model.Participant;
import org.convene.model.Refusal;
import org.convene.model.Waiting;

/**
 * Who is in which instance: join, leave, participants, presence and the end, each one script in the
 * instance's meeting; the active instances with their participants come from the {@link LiveView}.
 */
final class RosterRecords implements Roster {
    private static final Script JOIN = Script.load("meeting", "join").announcing();
    private static final Script LEAVE = Script.load("meeting", "leave").announcing();
    private static final Script REMOVE = Script.load("meeting", "remove").announcing().durable();
    private static final Script END = Script.load("meeting", "end").announcing().durable();
    private static final Script USER_REMOVED = Script.load("meeting", "user_removed").announcing();
    private static final Script PRESENCE_RENEW = Script.load("meeting", "presence_renew");

    private final RedisCalls calls;
    private final InstanceLocator locator;
    private final UserRecords users;
    private final LiveView live;
    private final DueTimes due;
    private final Consumer<Instant> catchUp;
    private final FeedSignals signals;

    /** {@code catchUp} applies the transitions that fell due by a time, for a read of the active instances. */
    RosterRecords(RedisCalls calls, InstanceLocator locator, UserRecords users, LiveView live, DueTimes due,
                  Consumer<Instant> catchUp, FeedSignals signals) {
        this.signals = signals;
        this.calls = calls;
        this.locator = locator;
        this.users = users;
        this.live = live;
        this.due = due;
        this.catchUp = catchUp;
    }

    /** join's answer: the join event's number, and when the participant is reaped unless renewed (null: never). */
    private record JoinReply(long event, String reapDue) {
        static JoinReply of(Reply reply) {
            Reply ok = reply.ok();
            return new JoinReply(ok.number(1), ok.textOrNull(2));
        }
    }

    /** join's answer when the user must wait in the lobby: their position and when the wait lapses (ms). */
    private record WaitingReply(int position, String lapses) {
        static boolean waits(Reply reply) {
            return "WAITING".equals(reply.status());
        }

        static WaitingReply of(Reply reply) {
            return new WaitingReply((int) reply.number(1), reply.text(2));
        }
    }

    /** leave's and remove's answer: the leave event's number. */
    private record LeaveReply(long event) {
        static LeaveReply of(Reply reply) {
            return new LeaveReply(reply.ok().number(1));
        }

        /** remove's answer: the same, or a refusal saying why the actor may not remove that participant. */
        static LeaveReply ofRemoval(Reply reply) {
            if ("FORBIDDEN".equals(reply.status())) throw Refusal.ROLE_FORBIDDEN.refuse(reply.text(1));
            return of(reply);
        }
    }

    /** end's answer: who timed out. */
    private record EndReply(List<Long> timedOut) {
        static EndReply of(Reply reply) {
            if ("FORBIDDEN".equals(reply.status())) throw Refusal.ROLE_FORBIDDEN.refuse(reply.text(1));
            return new EndReply(reply.ok().numbers(1));
        }
    }

    /** user_removed's answer: the instance the user was taken out of (0: none). */
    private record RemovedReply(long instanceId) {
        static RemovedReply of(Reply reply) {
            return new RemovedReply(reply.ok().number(1));
        }
    }

    /** presence_renew's answer: for each (instance, user) pair asked about, whether that user is inside. */
    private record PresenceReply(List<Boolean> inside) {
        static PresenceReply of(Reply reply) {
            return new PresenceReply(reply.ok().numbers(1).stream().map(n -> n == 1).toList());
        }
    }

    @Override
    public JoinOutcome join(long userId, long instanceId, Instant now) {
        // An unknown instance and an unknown user: the seed names the user first.
        if (locator.meetingOf(instanceId) == null && users.user(userId).isEmpty()) {
            throw Refusal.INVALID_USER.refuse();
        }
        return locator.withMeeting(instanceId, meetingId -> {
            UserRecords.JoinerDetails user = users.forJoin(userId);
            Reply reply = calls.await(calls.inMeeting(meetingId, JOIN, Long.toString(instanceId), Long.toString(userId),
                    user.email(), user.name(), ms(now), user.role(), user.guestOf(), user.guestLink()));
            if (WaitingReply.waits(reply)) {
                // In the lobby: the hosts' streams are woken, and the scheduler looks when the wait would lapse.
                WaitingReply waiting = WaitingReply.of(reply);
                // Indexed as a join is: an erasure visits every meeting someone waited in too.
                indexUserMeeting(userId, meetingId);
                signals.posted(instanceId);
                reapNoLaterThan(instanceId, waiting.lapses());
                return new Waiting(userId, instanceId, waiting.position(), Replies.millis(waiting.lapses()));
            }
            if (reply.isOk() || Refusal.ALREADY_IN.name().equals(reply.status())) indexUserMeeting(userId, meetingId);
            JoinReply joined = JoinReply.of(reply);
            live.changed(instanceId);
            if (joined.reapDue() != null) reapNoLaterThan(instanceId, joined.reapDue());
            return new JoinResult(userId, instanceId, joined.event(), now);
        });
    }

    /**
     * Adds the meeting to the index of the user's events log, after the join that put events there.
     * Not awaited: the reply need not wait for an index. Should a crash lose it, the client's retry
     * meets "already in", which adds it again; normally that is a no-op and changes nothing.
     */
    private void indexUserMeeting(long userId, long meetingId) {
        calls.commands.sadd(Keys.userMeetings(userId), Long.toString(meetingId));
    }

    /**
     * Tells the scheduler to look at the instance no later than {@code dueMillis}, for a participant
     * of a meeting with a presence rule; not awaited. Should a crash lose it, the scheduler's repair
     * pass writes it again from the instance's own presence index.
     */
    private void reapNoLaterThan(long instanceId, String dueMillis) {
        calls.commands.zadd(Keys.REAPS, ZAddArgs.Builder.lt(), Double.parseDouble(dueMillis), Long.toString(instanceId));
    }

    /**
     * Takes a deleted user out of any instance they are inside, in every meeting they ever joined
     * (the index of their events log), one pipelined batch. Each step is idempotent.
     */
    @Override
    public void removeEverywhere(long userId, Instant now) {
        calls.inMeetingsOf(userId, USER_REMOVED, Long.toString(userId), ms(now))
                .forEach(reply -> {
                    long instanceId = RemovedReply.of(reply).instanceId();
                    if (instanceId != 0) live.changed(instanceId);
                });
    }

    /**
     * Renews presence for pairs of instance and user, one script per meeting, all in one round trip;
     * returns per instance who of them is inside (instances that do not exist are left out).
     */
    @Override
    public Map<Long, Set<Long>> renewPresence(Map<Long, Set<Long>> usersByInstance, Instant now) {
        Map<Long, Long> meetings = locator.meetingsOf(usersByInstance.keySet());
        Map<Long, List<String>> pairsByMeeting = new HashMap<>();
        meetings.forEach((instance, meeting) -> {
            List<String> pairs = pairsByMeeting.computeIfAbsent(meeting, m -> new ArrayList<>(List.of(ms(now))));
            for (long user : usersByInstance.get(instance)) pairs.addAll(List.of(Long.toString(instance), Long.toString(user)));
        });
        Map<Long, CompletableFuture<Reply>> sent = new HashMap<>();
        pairsByMeeting.forEach((meeting, args) -> sent.put(meeting, calls.inMeeting(meeting, PRESENCE_RENEW,
                args.toArray(String[]::new))));
        calls.awaitAll(sent.values().toArray(CompletableFuture[]::new));
        Map<Long, Set<Long>> inside = new HashMap<>();
        meetings.keySet().forEach(instance -> inside.put(instance, new HashSet<>()));
        sent.forEach((meeting, reply) -> {
            List<String> args = pairsByMeeting.get(meeting);
            List<Boolean> present = PresenceReply.of(calls.result(reply)).inside();
            for (int i = 0; i < present.size(); i++) {
                if (present.get(i)) inside.get(Long.parseLong(args.get(1 + 2 * i))).add(Long.parseLong(args.get(2 + 2 * i)));
            }
        });
        return inside;
    }

    @Override
    public LeaveResult leave(long userId, long instanceId, Instant now) {
        return locator.withMeeting(instanceId, meetingId -> {
            LeaveReply left = LeaveReply.of(calls.await(calls.inMeeting(meetingId, LEAVE,
                    Long.toString(instanceId), Long.toString(userId), ms(now))));
            live.changed(instanceId);
            return new LeaveResult(userId, instanceId, left.event(), now);
        });
    }

    @Override
    public LeaveResult remove(long userId, GlobalRole role, long instanceId, Actor actor, Instant now, String requestId) {
        return locator.withMeeting(instanceId, meetingId -> {
            Reply reply = calls.await(calls.audited(meetingId, REMOVE, Long.toString(instanceId), Long.toString(userId),
                    role.wire(), actor.kind().wire(), Long.toString(actor.userId()), actor.role().wire(), ms(now),
                    requestId == null ? "" : requestId));
            LeaveReply left = LeaveReply.ofRemoval(reply);
            live.changed(instanceId);
            return new LeaveResult(userId, instanceId, left.event(), now);
        });
    }

    @Override
    public List<Participant> participants(long instanceId, Instant now) {
        return locator.withMeeting(instanceId, meetingId -> {
            // Only the instance and its participants, as two plain commands in one round trip: the
            // meeting and its audience would be decoded for nothing, and a script would cost Redis more.
            String instanceKey = Keys.instance(meetingId, instanceId);
            CompletableFuture<Map<String, String>> instance = calls.commands.hgetall(instanceKey).toCompletableFuture();
            CompletableFuture<Map<String, String>> inside =
                    calls.commands.hgetall(instanceKey + ":participants").toCompletableFuture();
            calls.awaitAll(instance, inside);
            if (calls.result(instance).isEmpty()) throw Refusal.INVALID_INSTANCE.refuse();
            boolean active = Replies.instance(calls.result(instance), now).status() == InstanceStatus.ACTIVE;
            return active ? Replies.participants(calls.result(inside)) : List.<Participant>of();
        });
    }

    @Override
    public EndResult end(long instanceId, Actor actor, Instant now, String requestId) {
        return locator.withMeeting(instanceId, meetingId -> {
            EndReply ended = EndReply.of(calls.await(calls.audited(meetingId, END, Long.toString(instanceId), ms(now),
                    actor.kind().wire(), Long.toString(actor.userId()), actor.role().wire(), requestId == null ? "" : requestId)));
            live.changed(instanceId);
            due.status(instanceId, "ended");
            return new EndResult(instanceId, ended.timedOut());
        });
    }

    /** From the live view, after applying what fell due by {@code now} that no scheduler applied yet. */
    @Override
    public List<ActiveInstance> activeInstances(Instant now, boolean withParticipants) {
        return live.read(now, withParticipants, () -> catchUp.accept(now));
    }
}
