package org.convene.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.convene.model.ActiveInstance;
import org.convene.model.InstanceStatus;
import org.convene.model.Meeting;
import org.convene.model.MeetingInstance;
import org.convene.model.StreamPosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the active instances and the join times show, one row per active instance, kept in each node's memory and brought up to
 * date at each read with what changed since the last: one round trip for the change stream and the
 * catalog's due starts, and one more for the rows of the instances that changed, read from their meetings
 * (the truth), so that a read costs what changed, not what is active.
 *
 * <p>Each write that changes an instance's status, window, meeting or participants puts the instance's id
 * on the change stream ({@code {live}:changes}) right behind the meeting's script, not awaited (on the same
 * connection, so a later read by this node sees it); that is all a join or a leave pays for the view. A
 * word lost in a crash is made up for by the node's whole read every minute (and when it falls behind the
 * capped stream); reads never show an instance whose window has passed.
 *
 * <p>Longer than most classes here because its write, sync, read and repair paths share the row format and
 * the node's copy, and are easier to check together than apart.
 */
final class LiveView {
    private static final Logger LOG = LoggerFactory.getLogger(LiveView.class);
    private static final Script LIVE_READ = Script.load("meeting", "live_read").reading();
    private static final Script MEETING_GET = Script.load("meeting", "meeting_get").reading();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Script SINCE = Script.load("live", "since").reading();
    private static final String CHANGES = Keys.LIVE + ":changes";
    private static final String ACTIVE = Keys.CATALOG + ":active";
    /** Entries the change stream keeps: a node further behind reads the view whole. */
    private static final long CHANGES_CAP = 10_000;
    /** How often a node reads the view whole, making up for a change whose word was lost. */
    private static final Duration WHOLE_EVERY = Duration.ofMinutes(1);
    private static final String STARTS = Keys.CATALOG + ":starts";
    private static final int CHANGES_PAGE = 5_000;

    private final RedisCalls calls;
    private final InstanceLocator locator;
    private final MeetingCache meetings = new MeetingCache();
    private final Memory memory = new Memory();
    private final Object flight = new Object();
    private CompletableFuture<Boolean> waiting;
    /** One sync at a time, each serving every reader that arrived before it started. */
    private final ExecutorService syncer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "live-view-sync");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean paused;


    /** What a row says. */
    private record Row(long instanceId, long meetingId, long meetingVersion, Map<String, String> instance,
                       Map<String, String> participants) {}

    /** since's answer: the change stream's first entry (null: empty), and each change after the position asked for. */
    private record SinceReply(String first, List<Change> changes) {
        record Change(String position, long instanceId) {}

        static SinceReply of(Reply reply) {
            Reply ok = reply.ok();
            List<Object> flat = ok.list(2);
            List<Change> changes = new ArrayList<>(flat.size() / 2);
            for (int i = 0; i + 1 < flat.size(); i += 2) {
                changes.add(new Change((String) flat.get(i), Reply.number(flat.get(i + 1))));
            }
            return new SinceReply(ok.textOrNull(1), changes);
        }
    }

    /** live_read's answer: the instance's row as it stands (empty: no such instance). */
    private record LiveReadReply(Optional<String> row) {
        static LiveReadReply of(Reply reply) {
            return new LiveReadReply(reply.isOk() ? Optional.of(reply.text(1)) : Optional.empty());
        }
    }

    LiveView(RedisCalls calls, InstanceLocator locator) {
        this.calls = calls;
        this.locator = locator;
    }

    /** Says, not awaited, that an instance's status, window, meeting or participants changed. */
    void changed(long instanceId) {
        if (paused) return;
        // 'v' for nodes of the release before, which read a version there (they read the view whole then).
        calls.commands.xadd(CHANGES, new XAddArgs().maxlen(CHANGES_CAP).approximateTrimming(), Map.of("v", "0",
                "id", Long.toString(instanceId))).whenComplete((id, error) -> {
                    if (error != null) LOG.warn("Telling the live view of a change failed (its next whole read makes up "
                            + "for it): {}", error.getMessage());
                });
    }

    /** Says, not awaited, that these instances changed. */
    void changed(Collection<Long> instanceIds) {
        instanceIds.forEach(this::changed);
    }

    /**
     * Every instance active at {@code now}, with its meeting (from this node's cache, read again when
     * its version moved) and, if asked, its participants; by instance id. The node keeps the view in
     * memory and each read brings it up to date with what changed since the last one (see the class).
     * {@code catchUp} applies activations that fell due but were not made yet (no scheduler running).
     * An unchanged view is answered with the same list, so that what is built from it can be kept too.
     */
    List<ActiveInstance> read(Instant now, boolean withParticipants, Runnable catchUp) {
        if (!awaitSync(now)) {
            catchUp.run();
            awaitSync(now);
        }
        synchronized (memory) {
            return memory.answer(now, withParticipants);
        }
    }

    /**
     * Waits for a sync that starts after this call, so that what this node wrote before is seen; the
     * readers that arrive meanwhile share one sync (one round trip for all of them). Returns false when
     * an activation fell due that nobody made yet.
     */
    private boolean awaitSync(Instant now) {
        CompletableFuture<Boolean> mine;
        synchronized (flight) {
            if (waiting == null) {
                waiting = new CompletableFuture<>();
                syncer.execute(() -> syncBatch(now));
            }
            mine = waiting;
        }
        try {
            return mine.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) throw failure;
            throw e;
        }
    }

    private void syncBatch(Instant now) {
        CompletableFuture<Boolean> batch;
        synchronized (flight) {
            batch = waiting;
            waiting = null;
        }
        if (batch == null) return;
        try {
            batch.complete(sync(now));
        } catch (RuntimeException e) {
            batch.completeExceptionally(e);
        }
    }

    /** Brings the in-memory view up to date; returns false when an activation fell due that nobody made yet. */
    private boolean sync(Instant now) {
        boolean whole;
        String position;
        synchronized (memory) {
            whole = !memory.loaded || !now.isBefore(memory.wholeAgainAt);
            position = memory.position;
        }
        CompletableFuture<Reply> since = whole ? CompletableFuture.completedFuture(null)
                : calls.inLive(SINCE, position, Integer.toString(CHANGES_PAGE));
        CompletableFuture<List<String>> due = calls.commands.zrangebyscore(STARTS,
                Range.create(Double.NEGATIVE_INFINITY, (double) now.toEpochMilli()), Limit.create(0, 1)).toCompletableFuture();
        calls.awaitAll(since, due);
        if (whole) {
            readWhole(now);
            return calls.result(due).isEmpty();
        }
        SinceReply reply = SinceReply.of(calls.result(since));
        if (reply.first() != null && !position.equals("0")
                && StreamPosition.parse("stream id", reply.first()).isAfter(StreamPosition.parse("stream id", position))) {
            // Changes between this node's position and the stream's first entry were trimmed away.
            readWhole(now);
            return calls.result(due).isEmpty();
        }
        List<SinceReply.Change> changes = reply.changes();
        if (!changes.isEmpty()) {
            Map<Long, Optional<Row>> rows = readRows(changes.stream().map(SinceReply.Change::instanceId).distinct().toList());
            synchronized (memory) {
                rows.forEach((id, row) -> {
                    if (row.isPresent() && "active".equals(row.get().instance().get("status"))) memory.rows.put(id, row.get());
                    else memory.rows.remove(id);
                });
                memory.position = changes.get(changes.size() - 1).position();
                memory.changed();
            }
            if (changes.size() == CHANGES_PAGE) return sync(now);
        }
        return calls.result(due).isEmpty();
    }

    /**
     * Reads the view whole: the rows of every instance the catalog says is active, from their meetings, and
     * where the change stream ends (taken first, so that nothing written meanwhile is missed).
     */
    private void readWhole(Instant now) {
        CompletableFuture<List<StreamMessage<String, String>>> last = calls.commands.xrevrange(CHANGES, Range.create("-", "+"),
                Limit.create(0, 1)).toCompletableFuture();
        CompletableFuture<List<String>> active = calls.commands.zrange(ACTIVE, 0, -1).toCompletableFuture();
        calls.awaitAll(last, active);
        List<StreamMessage<String, String>> newest = calls.result(last);
        Map<Long, Optional<Row>> rows = readRows(calls.result(active).stream().map(Long::parseLong).toList());
        synchronized (memory) {
            memory.rows.clear();
            rows.forEach((id, row) -> row.filter(r -> "active".equals(r.instance().get("status")))
                    .ifPresent(r -> memory.rows.put(id, r)));
            memory.position = newest.isEmpty() ? "0" : newest.get(0).getId();
            memory.loaded = true;
            memory.wholeAgainAt = now.plus(WHOLE_EVERY);
            memory.changed();
        }
    }

    /** The rows of these instances as their meetings hold them now, in one round trip; empty for one that is gone. */
    private Map<Long, Optional<Row>> readRows(List<Long> instanceIds) {
        Map<Long, Long> meetingsOf = locator.meetingsOf(instanceIds);
        Map<Long, CompletableFuture<Reply>> replies = new HashMap<>();
        meetingsOf.forEach((id, meetingId) -> replies.put(id, calls.inMeeting(meetingId, LIVE_READ, Long.toString(id))));
        calls.awaitAll(replies.values().toArray(CompletableFuture[]::new));
        Map<Long, Optional<Row>> rows = new HashMap<>();
        for (long id : instanceIds) {
            CompletableFuture<Reply> reply = replies.get(id);
            rows.put(id, reply == null ? Optional.empty()
                    : LiveReadReply.of(calls.result(reply)).row().map(json -> parse(id, json)));
        }
        return rows;
    }

    /** This node's copy of the view: the rows, where in the change stream it is, and what it last answered. */
    private final class Memory {
        final Map<Long, Row> rows = new HashMap<>();
        boolean loaded;
        String position = "0";
        Instant wholeAgainAt = Instant.MIN;
        private List<ActiveInstance> withParticipants;
        private List<ActiveInstance> withoutParticipants;
        private Instant validUntil = Instant.MIN;
        private final Map<Long, Built> built = new HashMap<>();

        void changed() {
            withParticipants = null;
            withoutParticipants = null;
        }

        List<ActiveInstance> answer(Instant now, boolean participants) {
            if (!now.isBefore(validUntil)) changed();
            List<ActiveInstance> known = participants ? withParticipants : withoutParticipants;
            if (known != null) return known;
            List<Row> current = new ArrayList<>(rows.values());
            refreshMeetings(current);
            List<ActiveInstance> result = new ArrayList<>(current.size());
            Instant firstEnd = Instant.MAX;
            for (Row row : current) {
                Meeting meeting = meetings.get(row.meetingId());
                if (meeting == null) continue;
                Built kept = built.get(row.instanceId());
                MeetingInstance instance;
                if (kept != null && kept.row() == row && kept.meeting() == meeting && now.isBefore(kept.instance().to())) {
                    // Unchanged and still within its window: active as it was, without parsing the row again.
                    instance = kept.instance();
                } else {
                    instance = Replies.instance(row.instance(), now);
                    if (instance.status() != InstanceStatus.ACTIVE) continue;
                }
                if (instance.to().isBefore(firstEnd)) firstEnd = instance.to();
                result.add(built(row, instance, meeting, participants));
            }
            result.sort(Comparator.comparingLong(a -> a.instance().id()));
            List<ActiveInstance> answer = List.copyOf(result);
            validUntil = firstEnd;
            if (participants) withParticipants = answer;
            else withoutParticipants = answer;
            built.keySet().retainAll(rows.keySet());
            return answer;
        }

        /**
         * The same object for an unchanged row and meeting (a row is parsed again only when it changed),
         * so that what callers build from it can be reused.
         */
        private ActiveInstance built(Row row, MeetingInstance instance, Meeting meeting, boolean participants) {
            Built known = built.get(row.instanceId());
            if (known == null || known.row() != row || known.meeting() != meeting || known.instance() != instance) {
                known = new Built(row, meeting, instance, new ActiveInstance[2]);
                built.put(row.instanceId(), known);
            }
            int slot = participants ? 1 : 0;
            if (known.answers()[slot] == null) {
                known.answers()[slot] = new ActiveInstance(instance, meeting,
                        participants ? Replies.participants(row.participants()) : List.of());
            }
            return known.answers()[slot];
        }
    }

    /** What was built from one row: the instance as answered, without and with its participants. */
    private record Built(Row row, Meeting meeting, MeetingInstance instance, ActiveInstance[] answers) {}

    /** Reads, in one round trip, the meetings whose cached version is not the one their rows carry. */
    private void refreshMeetings(List<Row> rows) {
        Map<Long, CompletableFuture<Reply>> stale = new HashMap<>();
        for (Row row : rows) {
            if (!meetings.fresh(row.meetingId(), row.meetingVersion())) {
                stale.computeIfAbsent(row.meetingId(), id -> calls.inMeeting(id, MEETING_GET));
            }
        }
        calls.awaitAll(stale.values().toArray(CompletableFuture[]::new));
        stale.forEach((id, reply) -> MeetingReply.of(calls.result(reply)).meeting().ifPresent(meetings::put));
    }

    private Row parse(long instanceId, String json) {
        try {
            JsonNode node = JSON.readTree(json);
            Map<String, String> instance = new HashMap<>();
            for (String field : List.of("status", "from", "to", "orderId", "meetingId")) {
                instance.put(field, node.path(field).asText());
            }
            instance.put("id", Long.toString(instanceId));
            Map<String, String> participants = new HashMap<>();
            // An empty list arrives as {} from Lua's JSON: nothing to read either way.
            for (JsonNode entry : node.path("participants")) {
                String text = entry.asText();
                int colon = text.indexOf(':');
                participants.put(text.substring(0, colon), text.substring(colon + 1));
            }
            return new Row(instanceId, Long.parseLong(instance.get("meetingId")),
                    Long.parseLong(node.path("meetingVersion").asText("0")), instance, participants);
        } catch (IOException e) {
            throw new UncheckedIOException("a live row that is not JSON: " + json, e);
        }
    }

    /** Makes this node's next read a whole one: for the scheduler's repair pass, which heals lost words. */
    void readWholeNext() {
        synchronized (memory) {
            memory.wholeAgainAt = Instant.MIN;
        }
    }

    /** Forgets what this node cached: after a wipe, ids are given out again. */
    void forgetAll() {
        meetings.clear();
        synchronized (memory) {
            memory.loaded = false;
            memory.rows.clear();
            memory.changed();
        }
    }

    /** Stops telling of changes, as a process that died right after a meeting's write would: for the repair's test. */
    void pause(boolean pause) {
        this.paused = pause;
    }
}
