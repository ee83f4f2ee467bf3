package org.convene.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.convene.model.Meeting;

/**
 * Who may join each meeting, indexed in the catalog's slot so that a personal calendar feed reads only
 * the meetings open to its owner instead of every meeting (see lua/catalog/open_index.lua). It is a
 * projection of each meeting's saves: applied after the meeting's own write, applied again harmlessly,
 * and rebuilt from the meetings by the layout-3 step. Readers check each meeting it names against the
 * meeting itself, so an entry it still holds for a changed meeting shows nothing it should not.
 */
final class OpenMeetings {
    private static final Script OPEN_INDEX = Script.load("catalog", "open_index");
    private static final String PUBLIC = Keys.CATALOG + ":open:public";
    private static final int REBUILD_BATCH = 200;

    private final RedisCalls calls;

    OpenMeetings(RedisCalls calls) {
        this.calls = calls;
    }

    /** Brings the index in line with a meeting as saved (its version orders saves applied out of order). */
    void saved(Meeting meeting) {
        calls.await(apply(meeting));
    }

    private CompletableFuture<Reply> apply(Meeting meeting) {
        List<String> args = new ArrayList<>(List.of(Long.toString(meeting.id()), Long.toString(meeting.version()),
                meeting.details().isPublic() ? "1" : "0"));
        args.addAll(meeting.details().audience());
        return calls.inCatalog(OPEN_INDEX, args.toArray(String[]::new));
    }

    /** Takes a deleted meeting out of the index for good. */
    void deleted(long meetingId) {
        calls.await(calls.inCatalog(OPEN_INDEX, Long.toString(meetingId), "deleted", "0")).ok();
    }

    /** The ids of the meetings the index says are open to a user of this (normalised) e-mail, by id. */
    List<Long> candidates(String email) {
        return calls.await(calls.commands.sunion(PUBLIC, Keys.CATALOG + ":open:email:" + email).toCompletableFuture())
                .stream().map(Long::parseLong).sorted().toList();
    }

    /** The layout-3 step's batch: indexes the meetings after the cursor, up to a batch of them. */
    static boolean rebuildBatch(RedisCalls calls, LayoutProgress progress) {
        List<String> ids = LayoutStep.nextMeetings(calls, progress, REBUILD_BATCH);
        if (ids.isEmpty()) return false;
        OpenMeetings index = new OpenMeetings(calls);
        List<CompletableFuture<Reply>> reads = ids.stream().map(id -> MeetingRecords.read(calls, Long.parseLong(id))).toList();
        calls.awaitAll(reads.toArray(CompletableFuture[]::new));
        List<CompletableFuture<Reply>> applied = reads.stream().map(r -> MeetingReply.of(calls.result(r)).meeting())
                .flatMap(Optional::stream).map(index::apply).toList();
        calls.awaitAll(applied.toArray(CompletableFuture[]::new));
        for (CompletableFuture<Reply> reply : applied) calls.result(reply).ok();
        progress.moveTo(ids.get(ids.size() - 1));
        return ids.size() == REBUILD_BATCH;
    }
}
