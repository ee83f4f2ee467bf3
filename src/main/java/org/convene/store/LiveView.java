package org.convene.store;

import static org.convene.store.RedisCalls.ms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.convene.model.ActiveInstance;
import org.convene.model.InstanceStatus;
import org.convene.model.Meeting;
import org.convene.model.MeetingInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code {live}} projection: what functions 4 and 8 show, one row per active instance, kept up
 * to date by the writes that change it, so that reading it costs one round trip and two commands
 * whatever the number of active instances.
 *
 * <p>Each node keeps the view in memory and, at each read, applies what changed since (a capped
 * change stream in the same slot), so a read transfers the changes, not the view; another node's
 * write is seen at the next read.
 *
 * <p>Each meeting script that changes an instance's status, window, meeting or participants returns
 * the instance's row; the row is then sent to the projection's own slot right behind the reply, not
 * awaited (on the same connection, so a later read by this node sees it). Rows carry a sequence
 * number, so one applied late never undoes a newer one. The meetings hold the truth: should a process
 * die between the two writes, {@link #repair} rebuilds the rows from them (the scheduler runs it at
 * start and every minute), and reads never show an instance whose window has passed.
 *
 * <p>Longer than most classes here (about 350 lines) because its write, sync, read and repair paths
 * share the row format and the node's copy, and are easier to check together than apart.
 */
final class LiveView {
    private static final Logger LOG = LoggerFactory.getLogger(LiveView.class);
    private static final Script APPLY = Script.load("live", "apply");
    private static final Script FORGET = Script.load("live", "forget");
    private static final Script LIVE_READ = Script.load("meeting", "live_read").announcing();
    private static final Script MEETING_GET = Script.load("meeting", "meeting_get").reading();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Script SNAPSHOT = Script.load("live", "snapshot").reading();
    private static final Script SINCE = Script.load("live", "since").reading();
    private static final String ACTIVE = Keys.LIVE + ":active";
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

    /**
     * since's answer: the projection's version, the changes after the position asked for (stream id, the
     * version each made, the instance it changed) and the changed instances' rows (null: no longer active).
     */
    private record SinceReply(long version, List<Change> changes, Map<Long, String> rows) {
        record Change(String position, long version, long instanceId) {}

        static SinceReply of(Reply reply) {
            Reply ok = reply.ok();
            List<Object> flat = ok.list(2);
            List<Change> changes = new ArrayList<>(flat.size() / 3);
            for (int i = 0; i + 2 < flat.size(); i += 3) {
                changes.add(new Change((String) flat.get(i), Reply.number(flat.get(i + 1)), Reply.number(flat.get(i + 2))));
            }
            List<Object> pairs = ok.list(3);
            Map<Long, String> rows = new HashMap<>();
            for (int i = 0; i + 1 < pairs.size(); i += 2) rows.put(Reply.number(pairs.get(i)), (String) pairs.get(i + 1));
            return new SinceReply(ok.number(1), changes, rows);
        }
    }

    /** snapshot's answer: the projection's version, the id of its last change ("0": none) and every row. */
    private record SnapshotReply(long version, String position, Map<String, String> rows) {
        static SnapshotReply of(Reply reply) {
            Reply ok = reply.ok();
            return new SnapshotReply(Long.parseLong(ok.text(1)), ok.text(2), ok.hash(3));
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

    /** Sends one row a meeting script answered (null: the script changed no row) to the projection, not awaited. */
    void apply(String row) {
        if (row != null) apply(List.of(row));
    }

    /** Sends rows to the projection, not awaited; a failure is logged and left to the repair pass. */
    void apply(List<String> rows) {
        if (rows.isEmpty() || paused) return;
        calls.inLive(APPLY, rows.toArray(String[]::new)).whenComplete((reply, error) -> {
            if (error != null) LOG.warn("Writing the live view failed (the repair pass will redo it): {}", error.getMessage());
        });
    }

    /**
     * Every instance active at {@code now}, with its meeting (from this node's cache, read again when
     * its version moved) and, if asked, its participants; by instance id. The node keeps the view in
     * memory and each read brings it up to date with what changed since the last one: one round trip
     * (a script that reads the changes and the changed rows, and the catalog's due starts), a reply
     * as large as the changes. {@code catchUp} applies activations that fell
     * due but were not made yet (no scheduler running). An unchanged view is answered with the same
     * list, so that what is built from it can be kept too.
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
        boolean loaded;
        String position;
        synchronized (memory) {
            loaded = memory.loaded;
            position = memory.position;
        }
        CompletableFuture<Reply> since = loaded
                ? calls.inLive(SINCE, position, Integer.toString(CHANGES_PAGE))
                : CompletableFuture.completedFuture(null);
        CompletableFuture<List<String>> due = calls.commands.zrangebyscore(STARTS,
                Range.create(Double.NEGATIVE_INFINITY, (double) now.toEpochMilli()), Limit.create(0, 1)).toCompletableFuture();
        calls.awaitAll(since, due);
        Reply changed = calls.result(since);
        boolean more = false;
        synchronized (memory) {
            if (changed == null) {
                snapshot();
            } else {
                SinceReply reply = SinceReply.of(changed);
                List<SinceReply.Change> changes = reply.changes();
                long first = changes.isEmpty() ? memory.version + 1 : changes.get(0).version();
                if (reply.version() < memory.version || first != memory.version + 1) {
                    snapshot();
                } else if (!changes.isEmpty()) {
                    reply.rows().forEach((id, json) -> {
                        Row row = json == null ? null : parse(id, json);
                        if (row == null || !"active".equals(row.instance().get("status"))) memory.rows.remove(id);
                        else memory.rows.put(id, row);
                    });
                    SinceReply.Change last = changes.get(changes.size() - 1);
                    memory.version = last.version();
                    memory.position = last.position();
                    memory.changed();
                    more = changes.size() == CHANGES_PAGE;
                }
            }
        }
        if (more) return sync(now);
        return calls.result(due).isEmpty();
    }

    private void snapshot() {
        SnapshotReply reply = SnapshotReply.of(calls.await(calls.inLive(SNAPSHOT)));
        memory.rows.clear();
        reply.rows().forEach((id, json) -> memory.rows.put(Long.parseLong(id), parse(Long.parseLong(id), json)));
        memory.version = reply.version();
        memory.position = reply.position();
        memory.loaded = true;
        memory.changed();
    }

    /** This node's copy of the view: the rows, where in the change stream it is, and what it last answered. */
    private final class Memory {
        final Map<Long, Row> rows = new HashMap<>();
        boolean loaded;
        long version;
        String position = "0";
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

    /**
     * Rebuilds the projection from the meetings: every instance the catalog says is active, and every
     * instance the projection holds, gets its row again (idempotent); a row for an instance that no
     * longer exists goes. Cost: what is active, never history.
     */
    void repair(Instant now) {
        CompletableFuture<List<String>> active = calls.commands.zrange(Keys.CATALOG + ":active", 0, -1).toCompletableFuture();
        CompletableFuture<List<String>> held = calls.commands.hkeys(ACTIVE).toCompletableFuture();
        calls.awaitAll(active, held);
        Set<String> ids = new LinkedHashSet<>(calls.result(active));
        ids.addAll(calls.result(held));
        Map<String, CompletableFuture<Reply>> rows = new HashMap<>();
        List<String> gone = new ArrayList<>();
        Map<Long, Long> meetingsOf = locator.meetingsOf(ids.stream().map(Long::parseLong).toList());
        for (String id : ids) {
            Long meetingId = meetingsOf.get(Long.parseLong(id));
            if (meetingId == null) gone.add(id);
            else rows.put(id, calls.inMeeting(meetingId, LIVE_READ, id, ms(now)));
        }
        calls.awaitAll(rows.values().toArray(CompletableFuture[]::new));
        List<String> fresh = new ArrayList<>();
        rows.forEach((id, reply) -> LiveReadReply.of(calls.result(reply)).row().ifPresentOrElse(fresh::add, () -> gone.add(id)));
        if (!fresh.isEmpty()) calls.await(calls.inLive(APPLY, fresh.toArray(String[]::new))).ok();
        if (!gone.isEmpty()) calls.await(calls.inLive(FORGET, gone.toArray(String[]::new))).ok();
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

    /** Stops sending rows, as a process that died right after a meeting's write would: for the repair's test. */
    void pause(boolean pause) {
        this.paused = pause;
    }
}
