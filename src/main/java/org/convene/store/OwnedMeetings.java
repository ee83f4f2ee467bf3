package org.convene.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Which meetings each user owns: {@code convene:{users}:owns:<user id>}, a set of meeting ids. A projection of the
 * meetings' own {@code owner} fields, which stay the truth: it is written before a change that may add to it (a
 * meeting made with an owner, a hand-over's new owner) and trimmed after one that takes away, so that it always holds
 * at least every meeting a user owns; a reader checks each against the meeting itself. Rebuilt from the meetings by the
 * layout step {@code index-owned-meetings}.
 */
final class OwnedMeetings {
    private static final int REBUILD_BATCH = 200;

    private final RedisCalls calls;

    OwnedMeetings(RedisCalls calls) {
        this.calls = calls;
    }

    static String key(long userId) {
        return Keys.USERS + ":owns:" + userId;
    }

    /** Notes that user {@code userId} may own meeting {@code meetingId} (before the change that makes it so). */
    void add(long userId, long meetingId) {
        calls.await(calls.commands.sadd(key(userId), Long.toString(meetingId)).toCompletableFuture());
    }

    /** Notes that user {@code userId} no longer owns meeting {@code meetingId} (after the change that made it so). */
    void remove(long userId, long meetingId) {
        calls.await(calls.commands.srem(key(userId), Long.toString(meetingId)).toCompletableFuture());
    }

    /** The meetings the index names for user {@code userId}, by id: a superset of those they own. */
    List<Long> candidates(long userId) {
        return calls.await(calls.commands.smembers(key(userId)).toCompletableFuture()).stream().map(Long::parseLong)
                .sorted().toList();
    }

    /** One batch of the layout step: notes the owner of each meeting after the cursor; returns whether more remain. */
    static boolean rebuildBatch(RedisCalls calls, LayoutProgress progress) {
        List<String> ids = LayoutStep.nextMeetings(calls, progress, REBUILD_BATCH);
        if (ids.isEmpty()) return false;
        List<CompletableFuture<String>> owners = new ArrayList<>();
        for (String id : ids) {
            owners.add(calls.commands.hget(Keys.meeting(Long.parseLong(id)) + ":meeting", "owner").toCompletableFuture());
        }
        calls.awaitAll(owners.toArray(CompletableFuture[]::new));
        List<CompletableFuture<Long>> added = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String owner = owners.get(i).join();
            if (owner != null) added.add(calls.commands.sadd(key(Long.parseLong(owner)), ids.get(i)).toCompletableFuture());
        }
        calls.awaitAll(added.toArray(CompletableFuture[]::new));
        progress.moveTo(ids.get(ids.size() - 1));
        return ids.size() == REBUILD_BATCH;
    }
}
