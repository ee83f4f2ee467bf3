package org.convene.store;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import java.util.List;

/**
 * One step that brings data written in an older layout up to {@link #layout()}: idempotent (running it
 * again changes nothing more) and resumable (it works in batches and records how far it got).
 *
 * @param layout the layout the step belongs to: it runs on data of an older one
 * @param name a stable name, recorded once the step is done
 * @param description what it does, for the log
 * @param work one batch at a time
 */
record LayoutStep(int layout, String name, String description, Work work) {

    /** Every step of every layout, in the order they run. Layout 1 needs none: it is the first. */
    static final List<LayoutStep> ALL = List.of(
            new LayoutStep(2, "drop-live-rows", "deleting the live view's stored rows: each node reads them from the "
                    + "meetings now", (calls, progress) -> {
                        calls.await(calls.commands.del(Keys.LIVE + ":active", Keys.LIVE + ":seq", Keys.LIVE + ":version")
                                .toCompletableFuture());
                        return false;
                    }),
            new LayoutStep(3, "index-open-meetings", "indexing who may join each meeting, for the personal calendar "
                    + "feeds", OpenMeetings::rebuildBatch),
            new LayoutStep(4, "index-owned-meetings", "indexing the meetings each user owns, so that deleting an owner "
                    + "is refused or hands them over", OwnedMeetings::rebuildBatch));

    LayoutStep {
        if (layout < 2) throw new IllegalArgumentException("layout: steps bring data to layout 2 or later, was " + layout);
        if (name == null || !name.matches("[a-z0-9-]{1,64}")) throw new IllegalArgumentException("name: lower-case words, was " + name);
    }

    /** The next {@code batch} meeting ids after where a step's progress says it stopped, by id: for steps that walk the meetings. */
    static List<String> nextMeetings(RedisCalls calls, LayoutProgress progress, int batch) {
        String cursor = progress.cursor();
        long after = cursor.isEmpty() ? 0 : Long.parseLong(cursor);
        return calls.await(calls.commands.zrangebyscore(Keys.MEETINGS,
                Range.from(Range.Boundary.excluding(after), Range.Boundary.unbounded()), Limit.create(0, batch))
                .toCompletableFuture());
    }

    /** A step's work: one batch from where its progress says it stopped. */
    @FunctionalInterface
    interface Work {
        /** Does the next batch and records how far it got; returns whether there is more to do. */
        boolean runBatch(RedisCalls calls, LayoutProgress progress);
    }
}
