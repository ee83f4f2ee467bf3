package org.convene.store;

import static org.convene.store.RedisCalls.ms;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.ZAddArgs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.convene.core.StoreUnavailableException;
import org.convene.model.Refusal;
import org.convene.schedule.Transition;
import org.convene.schedule.TransitionStore;

/** The scheduler's port on Redis: due instances from the catalog, each settled by its meeting's script. */
final class Transitions implements TransitionStore {
    private static final Script DUE = Script.load("catalog", "due").reading();
    private static final Script NEXT_DUE = Script.load("catalog", "next_due").reading();
    private static final Script SETTLE = Script.load("meeting", "settle").announcing().durable();

    private final RedisCalls calls;
    private final InstanceLocator locator;
    private final DueTimes due;
    private final LiveView live;

    Transitions(RedisCalls calls, InstanceLocator locator, DueTimes due, LiveView live) {
        this.calls = calls;
        this.locator = locator;
        this.due = due;
        this.live = live;
    }

    @Override
    public List<Long> dueInstances(Instant now, int limit) {
        List<Object> pairs = calls.await(calls.inCatalog(DUE, ms(now), Integer.toString(limit))).ok().list(1);
        List<Long> found = new ArrayList<>();
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            long instanceId = Reply.number(pairs.get(i));
            if (pairs.get(i + 1) != null) locator.remember(instanceId, Reply.number(pairs.get(i + 1)));
            found.add(instanceId);
        }
        return found;
    }

    @Override
    public List<Transition> settle(List<Long> instanceIds, Instant now) {
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        Map<Long, Long> meetingsOf = locator.meetingsOf(instanceIds);
        for (long instanceId : instanceIds) {
            Long meetingId = meetingsOf.get(instanceId);
            replies.add(meetingId == null
                    ? CompletableFuture.completedFuture(new Reply(List.of(Refusal.INVALID_INSTANCE.name())))
                    : calls.inMeeting(meetingId, SETTLE, Long.toString(instanceId), ms(now)));
        }
        List<String> hints = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        List<Transition> transitions = new ArrayList<>();
        List<CompletableFuture<?>> reaps = new ArrayList<>();
        calls.awaitAll(replies.toArray(CompletableFuture[]::new));
        int unsettled = 0;
        StoreUnavailableException firstFailure = null;
        for (int i = 0; i < instanceIds.size(); i++) {
            long instanceId = instanceIds.get(i);
            Reply reply;
            try {
                reply = calls.result(replies.get(i));
            } catch (StoreUnavailableException notNow) {
                // Its meeting's primary does not answer now (or its replica did not confirm): it stays due, with
                // no hint, and is settled again next tick. The others go on: one shard down must not hold up the
                // transitions of every instance (the long fault run saw a batch fail whole, again and again).
                unsettled++;
                if (firstFailure == null) firstFailure = notNow;
                continue;
            }
            if (!reply.isOk()) {
                // "unknown", not "missing": an instance not written yet (its creator is slow) looks the same.
                hints.addAll(List.of(Long.toString(instanceId), "unknown", "0", "0"));
                reaps.add(calls.commands.zrem(Keys.REAPS, Long.toString(instanceId)).toCompletableFuture());
                continue;
            }
            // {'OK', status, transition, timed-out users, from, to, live row, reaped users, next reap, first reaped's due}
            hints.addAll(List.of(Long.toString(instanceId), reply.text(1), reply.text(4), reply.text(5)));
            rows.add(reply.text(6));
            reaps.add(reply.isNull(8) ? calls.commands.zrem(Keys.REAPS, Long.toString(instanceId)).toCompletableFuture()
                    : calls.commands.zadd(Keys.REAPS, Double.parseDouble(reply.text(8)), Long.toString(instanceId))
                            .toCompletableFuture());
            if (!reply.list(7).isEmpty()) {
                transitions.add(new Transition(instanceId, Transition.Kind.REAPED, reply.numbers(7),
                        Instant.ofEpochMilli((long) Double.parseDouble(reply.text(9)))));
            }
            switch (reply.text(2)) {
                case "activated" -> transitions.add(new Transition(instanceId, Transition.Kind.ACTIVATED, List.of(),
                        Replies.millis(reply.text(4))));
                case "ended" -> transitions.add(new Transition(instanceId, Transition.Kind.ENDED, reply.numbers(3),
                        Replies.millis(reply.text(5))));
                default -> { }
            }
        }
        live.apply(rows);
        // The reaping hints went out before the status hints, to the same slot, so reading their results
        // after the latter's costs no round trip of its own. They are not waited for on replicas: a lost one
        // is written again by repairViews.
        due.statuses(hints);
        reaps.forEach(calls::result);
        if (unsettled == instanceIds.size() && firstFailure != null) throw firstFailure; // nothing could be done: say why
        return transitions;
    }

    /** Applies what fell due by {@code now}: for a read of the active instances when no scheduler made it yet. */
    void settleDue(Instant now) {
        for (List<Long> batch = dueInstances(now, 1_000); !batch.isEmpty(); batch = dueInstances(now, 1_000)) {
            settle(batch, now);
            if (batch.size() < 1_000) break;
        }
    }

    @Override
    public void repairViews(Instant now) {
        live.repair(now);
        repairReaps();
    }

    /**
     * Writes again, for every active instance, when its first participant is due to be reaped: a
     * hint a crash may have lost after a join (costs what is active, one round trip).
     */
    private void repairReaps() {
        List<Long> active = calls.await(calls.commands.zrange(Keys.CATALOG + ":active", 0, -1).toCompletableFuture())
                .stream().map(Long::parseLong).toList();
        if (active.isEmpty()) return;
        Map<Long, Long> meetings = locator.meetingsOf(active);
        Map<Long, CompletableFuture<List<ScoredValue<String>>>> firsts = new HashMap<>();
        meetings.forEach((instance, meeting) -> firsts.put(instance, calls.commands.zrangeWithScores(
                Keys.instance(meeting, instance) + ":presence", 0, 0).toCompletableFuture()));
        calls.awaitAll(firsts.values().toArray(CompletableFuture[]::new));
        List<CompletableFuture<?>> writes = new ArrayList<>();
        firsts.forEach((instance, first) -> {
            List<ScoredValue<String>> found = calls.result(first);
            if (!found.isEmpty()) {
                writes.add(calls.commands.zadd(Keys.REAPS, ZAddArgs.Builder.lt(), found.get(0).getScore(),
                        Long.toString(instance)).toCompletableFuture());
            }
        });
        calls.awaitAll(writes.toArray(CompletableFuture[]::new));
    }

    @Override
    public Optional<Instant> nextDue() {
        Reply reply = calls.await(calls.inCatalog(NEXT_DUE));
        return reply.isOk() ? Optional.of(Instant.ofEpochMilli(reply.number(1))) : Optional.empty();
    }

    private static final Script REMIND = Script.load("meeting", "remind");
    static final String REMINDERS = Keys.CATALOG + ":reminders";

    /**
     * Sends the "starting soon" notices due: each instance's script sends it once (to its live stream and
     * webhooks); the one call that sent it also puts it on the lifecycle stream that /stream shows. A hint
     * for a notice that is now later (the meeting's reminder changed) moves to its time; any other is dropped.
     */
    public List<Transition> remind(Instant now, int limit) {
        List<ScoredValue<String>> due = calls.await(calls.commands.zrangebyscoreWithScores(REMINDERS,
                Range.create(Double.NEGATIVE_INFINITY, (double) now.toEpochMilli()),
                Limit.create(0, limit)).toCompletableFuture());
        if (due.isEmpty()) return List.of();
        Map<Long, CompletableFuture<Reply>> replies = new LinkedHashMap<>();
        Map<Long, Long> meetings = locator.meetingsOf(due.stream().map(h -> Long.parseLong(h.getValue())).toList());
        meetings.forEach((instanceId, meetingId) ->
                replies.put(instanceId, calls.inMeeting(meetingId, REMIND, Long.toString(instanceId), ms(now))));
        calls.awaitAll(replies.values().toArray(CompletableFuture[]::new));
        List<Transition> sent = new ArrayList<>();
        for (var hint : due) {
            long instanceId = Long.parseLong(hint.getValue());
            Reply reply = replies.containsKey(instanceId) ? calls.result(replies.get(instanceId)) : null;
            if (reply != null && "LATER".equals(reply.status())) {
                calls.commands.zadd(REMINDERS, (double) reply.number(1), hint.getValue());
                continue;
            }
            calls.commands.zrem(REMINDERS, hint.getValue());
            if (reply == null || !reply.isOk() || reply.number(1) != 1) continue;
            calls.commands.xadd(Keys.CATALOG + ":feed", new XAddArgs().maxlen(10_000).approximateTrimming(),
                    Map.of("kind", "reminder", "instance", hint.getValue(), "meeting",
                            Long.toString(meetings.get(instanceId)), "from", reply.text(2), "to", reply.text(3)));
            sent.add(new Transition(instanceId, Transition.Kind.REMINDED, List.of(), Instant.ofEpochMilli((long) hint.getScore())));
        }
        return sent;
    }

    /** Asks for the "starting soon" notice of an instance starting at {@code from}, {@code minutes} before (none for 0). */
    static void hintReminder(RedisCalls calls, long instanceId, Instant from, long minutes) {
        if (minutes <= 0) return;
        calls.commands.zadd(REMINDERS, (double) from.minusSeconds(minutes * 60).toEpochMilli(), Long.toString(instanceId));
    }
}
