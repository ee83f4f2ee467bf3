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
import java.util.OptionalLong;
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

    /** due's answer: instances due, each with its meeting where the catalog knows it (null: not yet). */
    private record DueReply(Map<Long, Long> meetingOf) {
        static DueReply of(Reply reply) {
            List<Object> pairs = reply.ok().list(1);
            Map<Long, Long> found = new LinkedHashMap<>();
            for (int i = 0; i + 1 < pairs.size(); i += 2) {
                found.put(Reply.number(pairs.get(i)), pairs.get(i + 1) == null ? null : Reply.number(pairs.get(i + 1)));
            }
            return new DueReply(found);
        }
    }

    /**
     * settle's answer: the instance's status, the transition made ("activated", "ended" or none), who timed
     * out at an end, its window, who was reaped, when the next participant is reaped (null:
     * nobody) and when the first reaped one was due.
     */
    private record SettleReply(String status, String transition, List<Long> timedOut, String from, String to,
                               List<Long> reaped, String nextReap, String firstReapedDue) {
        static SettleReply of(Reply reply) {
            Reply ok = reply.ok();
            return new SettleReply(ok.text(1), ok.text(2), ok.numbers(3), ok.text(4), ok.text(5), ok.numbers(6),
                    ok.textOrNull(7), ok.textOrNull(8));
        }
    }

    /** next_due's answer: the earliest due time, if any. */
    private record NextDueReply(Optional<Instant> at) {
        static NextDueReply of(Reply reply) {
            return new NextDueReply(reply.isOk() ? Optional.of(Instant.ofEpochMilli(reply.number(1))) : Optional.empty());
        }
    }

    /** remind's answer: whether this call sent the notice (with the window), or when it is now due instead. */
    private record RemindReply(boolean sent, String from, String to, OptionalLong later) {
        static RemindReply of(Reply reply) {
            if ("LATER".equals(reply.status())) return new RemindReply(false, null, null, OptionalLong.of(reply.number(1)));
            Reply ok = reply.ok();
            boolean sent = ok.number(1) == 1;
            return new RemindReply(sent, sent ? ok.text(2) : null, sent ? ok.text(3) : null, OptionalLong.empty());
        }
    }

    @Override
    public List<Long> dueInstances(Instant now, int limit) {
        Map<Long, Long> due = DueReply.of(calls.await(calls.inCatalog(DUE, ms(now), Integer.toString(limit)))).meetingOf();
        due.forEach((instanceId, meetingId) -> {
            if (meetingId != null) locator.remember(instanceId, meetingId);
        });
        return new ArrayList<>(due.keySet());
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
        List<Long> changed = new ArrayList<>();
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
            SettleReply settled = SettleReply.of(reply);
            hints.addAll(List.of(Long.toString(instanceId), settled.status(), settled.from(), settled.to()));
            if (!settled.transition().isEmpty() || !settled.reaped().isEmpty()) changed.add(instanceId);
            reaps.add(settled.nextReap() == null
                    ? calls.commands.zrem(Keys.REAPS, Long.toString(instanceId)).toCompletableFuture()
                    : calls.commands.zadd(Keys.REAPS, Double.parseDouble(settled.nextReap()), Long.toString(instanceId))
                            .toCompletableFuture());
            if (!settled.reaped().isEmpty()) {
                transitions.add(new Transition(instanceId, Transition.Kind.REAPED, settled.reaped(),
                        Instant.ofEpochMilli((long) Double.parseDouble(settled.firstReapedDue()))));
            }
            switch (settled.transition()) {
                case "activated" -> transitions.add(new Transition(instanceId, Transition.Kind.ACTIVATED, List.of(),
                        Replies.millis(settled.from())));
                case "ended" -> transitions.add(new Transition(instanceId, Transition.Kind.ENDED, settled.timedOut(),
                        Replies.millis(settled.to())));
                default -> { }
            }
        }
        live.changed(changed);
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
        live.readWholeNext();
        repairReaps();
    }

    /**
     * Writes again, for every active instance, when its first participant is due to be reaped, and when the first wait
     * in its lobby lapses or seat kept there frees: hints a crash may have lost after a join or an admission (costs
     * what is active, one round trip).
     */
    private void repairReaps() {
        List<Long> active = calls.await(calls.commands.zrange(Keys.CATALOG + ":active", 0, -1).toCompletableFuture())
                .stream().map(Long::parseLong).toList();
        if (active.isEmpty()) return;
        Map<Long, Long> meetings = locator.meetingsOf(active);
        Map<Long, List<CompletableFuture<List<ScoredValue<String>>>>> firsts = new HashMap<>();
        meetings.forEach((instance, meeting) -> {
            String key = Keys.instance(meeting, instance);
            firsts.put(instance, List.of(
                    calls.commands.zrangeWithScores(key + ":presence", 0, 0).toCompletableFuture(),
                    calls.commands.zrangeWithScores(key + ":lobby:lease", 0, 0).toCompletableFuture(),
                    calls.commands.zrangeWithScores(key + ":admitted", 0, 0).toCompletableFuture()));
        });
        calls.awaitAll(firsts.values().stream().flatMap(List::stream).toArray(CompletableFuture[]::new));
        List<CompletableFuture<?>> writes = new ArrayList<>();
        firsts.forEach((instance, dues) -> {
            for (CompletableFuture<List<ScoredValue<String>>> first : dues) {
                List<ScoredValue<String>> found = calls.result(first);
                if (!found.isEmpty()) {
                    writes.add(calls.commands.zadd(Keys.REAPS, ZAddArgs.Builder.lt(), found.get(0).getScore(),
                            Long.toString(instance)).toCompletableFuture());
                }
            }
        });
        calls.awaitAll(writes.toArray(CompletableFuture[]::new));
    }

    @Override
    public Optional<Instant> nextDue() {
        return NextDueReply.of(calls.await(calls.inCatalog(NEXT_DUE))).at();
    }

    private static final Script REMIND = Script.load("meeting", "remind").announcing();
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
            // No such instance any more, or a refusal: the hint has nothing left to do.
            RemindReply remind = reply == null || !(reply.isOk() || "LATER".equals(reply.status())) ? null
                    : RemindReply.of(reply);
            if (remind != null && remind.later().isPresent()) {
                calls.commands.zadd(REMINDERS, (double) remind.later().getAsLong(), hint.getValue());
                continue;
            }
            calls.commands.zrem(REMINDERS, hint.getValue());
            if (remind == null || !remind.sent()) continue;
            calls.commands.xadd(Keys.CATALOG + ":feed", new XAddArgs().maxlen(10_000).approximateTrimming(),
                    Map.of("kind", "reminder", "instance", hint.getValue(), "meeting",
                            Long.toString(meetings.get(instanceId)), "from", remind.from(), "to", remind.to()));
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
