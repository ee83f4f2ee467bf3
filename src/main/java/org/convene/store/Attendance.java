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
import org.convene.model.EndResult;
import org.convene.model.InstanceStatus;
import org.convene.model.JoinResult;
import org.convene.model.LeaveResult;
import org.convene.model.Participant;
import org.convene.model.Refusal;

/** Who is in which instance: join, leave, participants and the end; functions 4 and 8 read {@link LiveView}. */
final class Attendance {
    private static final Script JOIN = Script.load("meeting", "join").announcing();
    private static final Script LEAVE = Script.load("meeting", "leave").announcing();
    private static final Script END = Script.load("meeting", "end").announcing().durable();
    private static final Script USER_REMOVED = Script.load("meeting", "user_removed").announcing();
    private static final Script PRESENCE_RENEW = Script.load("meeting", "presence_renew");

    private final RedisCalls calls;
    private final InstanceLocator locator;
    private final UserRecords users;
    private final LiveView live;
    private final DueTimes due;

    Attendance(RedisCalls calls, InstanceLocator locator, UserRecords users, LiveView live, DueTimes due) {
        this.calls = calls;
        this.locator = locator;
        this.users = users;
        this.live = live;
        this.due = due;
    }

    JoinResult join(long userId, long instanceId, Instant now) {
        // An unknown instance and an unknown user: the seed names the user first.
        if (locator.meetingOf(instanceId) == null && users.user(userId).isEmpty()) {
            throw Refusal.INVALID_USER.refuse();
        }
        return locator.withMeeting(instanceId, meetingId -> {
            UserRecords.JoinerDetails user = users.forJoin(userId);
            Reply reply = calls.await(calls.inMeeting(meetingId, JOIN, Long.toString(instanceId), Long.toString(userId),
                    user.email(), user.name(), ms(now)));
            if (reply.isOk() || Refusal.ALREADY_IN.name().equals(reply.status())) indexUserMeeting(userId, meetingId);
            live.apply(reply.ok(), 2);
            if (reply.size() > 3 && !reply.isNull(3)) reapNoLaterThan(instanceId, reply.text(3));
            return new JoinResult(userId, instanceId, reply.number(1), now);
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
        calls.commands.zadd(Keys.REAPS, ZAddArgs.Builder.lt(), Double.parseDouble(dueMillis),
                Long.toString(instanceId));
    }

    /**
     * Takes a deleted user out of any instance they are inside, in every meeting they ever joined
     * (the index of their events log), one pipelined batch. Each step is idempotent.
     */
    void removeEverywhere(long userId, Instant now) {
        calls.inMeetingsOf(userId, USER_REMOVED, Long.toString(userId), ms(now)).forEach(reply -> live.apply(reply.ok(), 2));
    }

    /**
     * Renews presence for pairs of instance and user, one script per meeting, all in one round trip;
     * returns per instance who of them is inside (instances that do not exist are left out).
     */
    Map<Long, Set<Long>> renewPresence(Map<Long, Set<Long>> usersByInstance, Instant now) {
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
            List<Long> present = calls.result(reply).ok().numbers(1);
            for (int i = 0; i < present.size(); i++) {
                if (present.get(i) == 1) {
                    inside.get(Long.parseLong(args.get(1 + 2 * i))).add(Long.parseLong(args.get(2 + 2 * i)));
                }
            }
        });
        return inside;
    }

    LeaveResult leave(long userId, long instanceId, Instant now) {
        return locator.withMeeting(instanceId, meetingId -> {
            Reply reply = calls.await(calls.inMeeting(meetingId, LEAVE,
                    Long.toString(instanceId), Long.toString(userId), ms(now))).ok();
            live.apply(reply, 2);
            return new LeaveResult(userId, instanceId, reply.number(1), now);
        });
    }

    List<Participant> participants(long instanceId, Instant now) {
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

    EndResult end(long instanceId, Instant now) {
        return locator.withMeeting(instanceId, meetingId -> {
            Reply reply = calls.await(calls.inMeeting(meetingId, END, Long.toString(instanceId), ms(now))).ok();
            live.apply(reply, 2);
            due.status(instanceId, "ended");
            return new EndResult(instanceId, reply.numbers(1));
        });
    }
}
