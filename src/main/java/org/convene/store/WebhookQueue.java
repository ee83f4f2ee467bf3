package org.convene.store;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.models.stream.ClaimedMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.convene.core.StoreUnavailableException;
import org.convene.webhook.port.DeliveryQueue;

/**
 * The way from a meeting's outbox to a worker. Each write that may add to a meeting's outbox announces
 * the meeting ({@link RedisCalls}); a drain takes announced meetings, locks each (one drainer per
 * meeting, so its messages keep their order), turns its entries into deliveries (lua/hooks/enqueue.lua,
 * which skips a message already queued) and only then deletes them from the outbox: a crash in between
 * repeats the drain, never loses an entry. Due lanes go on a stream read through the consumer group
 * {@code deliver}: a node that dies holding a lane leaves it pending, and another claims it.
 */
final class WebhookQueue implements DeliveryQueue {
    private static final Script ENQUEUE = Script.load("hooks", "enqueue");
    private static final Script RELEASE = Script.load("hooks", "release");
    private static final Script BEGIN = Script.load("hooks", "begin");
    private static final Script OUTCOME = Script.load("hooks", "outcome");
    private static final Script UNLOCK = Script.load("hooks", "unlock");
    private static final String WORK = Keys.HOOKS + ":work";
    private static final String DUE = Keys.HOOKS + ":due";
    private static final String GROUP = "deliver";
    private static final int MEETINGS_PER_DRAIN = 50;
    private static final int ENTRIES_PER_MEETING = 200;
    private static final long LOCK_MILLIS = 30_000;
    /** How long a lane of an endpoint at its limit waits before it is looked at again. */
    private static final Duration HELD_BACK = Duration.ofMillis(500);

    private final RedisCalls calls;
    private volatile boolean groupReady;

    WebhookQueue(RedisCalls calls) {
        this.calls = calls;
    }

    @Override
    public int drainOutboxes(Instant now, Duration keep) {
        List<String> meetings = new ArrayList<>(calls.await(calls.commands.spop(Keys.HOOKS_DIRTY, MEETINGS_PER_DRAIN)
                .toCompletableFuture()));
        if (meetings.isEmpty()) return 0;
        String token = UUID.randomUUID().toString();
        List<CompletableFuture<String>> locks = meetings.stream().map(m -> calls.commands.set(lock(m), token,
                SetArgs.Builder.nx().px(LOCK_MILLIS)).toCompletableFuture()).toList();
        calls.awaitAll(locks.toArray(CompletableFuture[]::new));
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < meetings.size(); i++) {
            if ("OK".equals(calls.result(locks.get(i)))) mine.add(meetings.get(i));
            // Another node is draining it: announced again, so that what it missed is drained next time.
            else calls.commands.sadd(Keys.HOOKS_DIRTY, meetings.get(i));
        }
        if (mine.isEmpty()) return 0;
        Map<String, CompletableFuture<List<StreamMessage<String, String>>>> reads = new LinkedHashMap<>();
        for (String m : mine) {
            reads.put(m, calls.commands.xrange(Keys.outbox(Long.parseLong(m)), Range.create("-", "+"),
                    Limit.create(0, ENTRIES_PER_MEETING)).toCompletableFuture());
        }
        calls.awaitAll(reads.values().toArray(CompletableFuture[]::new));
        List<String> args = new ArrayList<>(List.of(RedisCalls.ms(now), Long.toString(keep.toMillis())));
        Map<String, String[]> drained = new LinkedHashMap<>();
        int entries = 0;
        try {
            for (var read : reads.entrySet()) {
                long meetingId = Long.parseLong(read.getKey());
                List<StreamMessage<String, String>> messages = calls.result(read.getValue());
                for (StreamMessage<String, String> entry : messages) {
                    Map<String, String> body = entry.getBody();
                    args.addAll(List.of(WebhookPayloads.messageId(meetingId, entry.getId()), body.get("type"),
                            body.get("instance"), read.getKey(), WebhookPayloads.payload(meetingId, body)));
                }
                if (!messages.isEmpty()) drained.put(read.getKey(), messages.stream().map(StreamMessage::getId)
                        .toArray(String[]::new));
                entries += messages.size();
            }
            if (!drained.isEmpty()) {
                calls.await(calls.inHooks(ENQUEUE, args.toArray(String[]::new))).ok();
                List<CompletableFuture<Long>> deletes = new ArrayList<>();
                drained.forEach((m, ids) -> {
                    deletes.add(calls.commands.xdel(Keys.outbox(Long.parseLong(m)), ids).toCompletableFuture());
                    if (ids.length == ENTRIES_PER_MEETING) calls.commands.sadd(Keys.HOOKS_DIRTY, m);
                });
                calls.awaitAll(deletes.toArray(CompletableFuture[]::new));
                for (CompletableFuture<Long> delete : deletes) calls.result(delete);
            }
        } catch (RuntimeException e) {
            // Left in the outboxes: announced again for the next drain.
            mine.forEach(m -> calls.commands.sadd(Keys.HOOKS_DIRTY, m));
            throw e;
        } finally {
            List<CompletableFuture<Reply>> unlocks = mine.stream()
                    .map(m -> calls.inHooks(UNLOCK, "pump:" + m, token)).toList();
            calls.awaitAll(unlocks.toArray(CompletableFuture[]::new));
        }
        return entries;
    }

    @Override
    public void sweepOutboxes() {
        long after = 0;
        while (true) {
            List<String> ids = calls.await(calls.commands.zrangebyscore(Keys.MEETINGS,
                    Range.create((double) after + 1, Double.POSITIVE_INFINITY), Limit.create(0, 1_000)).toCompletableFuture());
            if (ids.isEmpty()) return;
            List<CompletableFuture<Long>> lengths = ids.stream().map(id -> calls.commands.xlen(
                    Keys.outbox(Long.parseLong(id))).toCompletableFuture()).toList();
            calls.awaitAll(lengths.toArray(CompletableFuture[]::new));
            for (int i = 0; i < ids.size(); i++) {
                if (calls.result(lengths.get(i)) > 0) calls.commands.sadd(Keys.HOOKS_DIRTY, ids.get(i));
            }
            after = Long.parseLong(ids.get(ids.size() - 1));
        }
    }

    @Override
    public List<Work> take(String consumer, int max, Instant now, Map<Long, Integer> limits, boolean claim,
                           Duration claimAfter) {
        List<String> args = new ArrayList<>(List.of(RedisCalls.ms(now), Long.toString(max),
                Long.toString(HELD_BACK.toMillis())));
        limits.forEach((endpoint, lanes) -> args.add(endpoint + "=" + Math.max(0, lanes)));
        calls.await(calls.inHooks(RELEASE, args.toArray(String[]::new))).ok();
        ensureGroup();
        List<Work> work = new ArrayList<>();
        try {
            read(consumer, max, work);
        } catch (StoreUnavailableException e) {
            if (!(e.getCause() instanceof RedisCommandExecutionException c) || !String.valueOf(c.getMessage()).startsWith("NOGROUP")) throw e;
            groupReady = false; // the stream was deleted (a flushed database): made again
            ensureGroup();
            read(consumer, max, work);
        }
        if (claim && work.size() < max) {
            ClaimedMessages<String, String> claimed = calls.await(calls.commands.xautoclaim(WORK,
                    XAutoClaimArgs.Builder.xautoclaim(Consumer.from(GROUP, consumer), claimAfter, "0-0")
                            .count(max - work.size())).toCompletableFuture());
            for (StreamMessage<String, String> m : claimed.getMessages()) work.add(new Work(m.getId(), m.getBody().get("lane")));
        }
        return work;
    }

    private void read(String consumer, int max, List<Work> work) {
        @SuppressWarnings("unchecked")
        List<StreamMessage<String, String>> fresh = calls.await(calls.commands.xreadgroup(Consumer.from(GROUP, consumer),
                XReadArgs.Builder.count(max), XReadArgs.StreamOffset.lastConsumed(WORK)).toCompletableFuture());
        for (StreamMessage<String, String> m : fresh) work.add(new Work(m.getId(), m.getBody().get("lane")));
    }

    private void ensureGroup() {
        if (groupReady) return;
        try {
            calls.await(calls.commands.xgroupCreate(XReadArgs.StreamOffset.from(WORK, "0"), GROUP,
                    XGroupCreateArgs.Builder.mkstream()).toCompletableFuture());
        } catch (StoreUnavailableException e) {
            if (!String.valueOf(e.getMessage()).contains("BUSYGROUP")) throw e;
        }
        groupReady = true;
    }

    /**
     * begin's answer, and outcome's when the worker goes on with the lane: what to send for the lane's next
     * delivery, or nothing (the lane is empty or parked, or the worker gives it back).
     */
    private record BeginReply(Optional<Attempt> attempt) {
        static BeginReply of(Reply reply) {
            if (!"DELIVER".equals(reply.status())) return new BeginReply(Optional.empty());
            String previous = reply.text(4);
            return new BeginReply(Optional.of(new Attempt(reply.number(1), reply.text(2), reply.text(3),
                    previous.isEmpty() ? Optional.empty() : Optional.of(previous), Replies.millis(reply.text(5)),
                    reply.text(6), reply.text(7), (int) reply.number(8), Replies.millis(reply.text(9)))));
        }
    }

    @Override
    public Optional<Attempt> begin(Work work, Instant now) {
        return BeginReply.of(calls.await(calls.inHooks(BEGIN, work.entryId(), work.lane(), RedisCalls.ms(now)))).attempt();
    }

    @Override
    public Optional<Attempt> record(Work work, long deliveryId, Outcome outcome, boolean goOn, Instant now) {
        return BeginReply.of(calls.await(calls.inHooks(OUTCOME, work.entryId(), work.lane(), Long.toString(deliveryId),
                RedisCalls.ms(now), outcome.result().name().toLowerCase(Locale.ROOT), Integer.toString(outcome.code()),
                Long.toString(outcome.latencyMillis()), outcome.error() == null ? "" : outcome.error(),
                outcome.nextAttempt().map(RedisCalls::ms).orElse("0"), goOn ? "1" : "0"))).attempt();
    }

    @Override
    public void whenWritten(Runnable wake) {
        calls.whenAnnounced(wake);
    }

    @Override
    public long backlog() {
        CompletableFuture<Long> due = calls.commands.zcard(DUE).toCompletableFuture();
        CompletableFuture<Long> work = calls.commands.xlen(WORK).toCompletableFuture();
        calls.awaitAll(due, work);
        return calls.result(due) + calls.result(work);
    }

    private static String lock(String meetingId) {
        return Keys.HOOKS + ":pump:" + meetingId;
    }
}
