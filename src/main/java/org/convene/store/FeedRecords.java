package org.convene.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.convene.core.StoreUnavailableException;
import org.convene.core.port.FeedWatch;
import org.convene.core.port.LiveFeeds;
import org.convene.model.FeedKind;
import org.convene.model.InstanceActivity;
import org.convene.model.LifecycleChange;
import org.convene.model.RefusedException;
import org.convene.model.StreamPosition;

/** The live feeds: each instance's capped stream of activity, and the catalog's lifecycle stream of all instances. */
final class FeedRecords implements LiveFeeds {
    private static final Script FEED = Script.load("meeting", "feed").reading();
    private static final Script LIFECYCLE = Script.load("catalog", "feed").reading();

    private final RedisCalls calls;
    private final InstanceLocator locator;
    private final FeedSignals signals;
    private final Script feed;
    private final Script lifecycle;

    FeedRecords(RedisCalls calls, InstanceLocator locator, FeedSignals signals) {
        this(calls, locator, signals, false);
    }

    private FeedRecords(RedisCalls calls, InstanceLocator locator, FeedSignals signals, boolean onReplicas) {
        this.calls = calls;
        this.locator = locator;
        this.signals = signals;
        this.feed = onReplicas ? FEED.onReplicas() : FEED;
        this.lifecycle = onReplicas ? LIFECYCLE.onReplicas() : LIFECYCLE;
    }

    /**
     * The feeds read on replicas (see {@link Script#onReplicas()}). Why: on a cluster, a primary that was
     * stopped and resumes takes writes for a moment before it learns its replica replaced it; those writes
     * are then lost, and a stream that had passed them on would have moved past the entries the new primary
     * took meanwhile (the fault run saw it). A replica holds only what survives a failover.
     */
    @Override
    public LiveFeeds committed() {
        return calls.redis.isCluster() ? new FeedRecords(calls, locator, signals, true) : this;
    }

    @Override
    public List<InstanceActivity> activity(long instanceId, StreamPosition after, int limit) {
        return locator.withMeeting(instanceId, meetingId -> entries(instanceId, meetingId,
                calls.await(read(instanceId, meetingId, after, limit))));
    }

    @Override
    public Map<Long, List<InstanceActivity>> activity(Map<Long, StreamPosition> after, int limit) {
        Map<Long, Long> meetings = locator.meetingsOf(after.keySet());
        Map<Long, CompletableFuture<Reply>> sent = new LinkedHashMap<>();
        meetings.forEach((instance, meeting) -> sent.put(instance, read(instance, meeting, after.get(instance), limit)));
        calls.awaitAll(sent.values().toArray(CompletableFuture[]::new));
        Map<Long, List<InstanceActivity>> read = new HashMap<>();
        sent.forEach((instance, reply) -> {
            try {
                read.put(instance, entries(instance, meetings.get(instance), calls.result(reply)));
            } catch (RefusedException gone) {
                // left out: the caller asks about it alone, which tells a stale cache from a deletion
            } catch (StoreUnavailableException notNow) {
                // nothing new from this one now (its replica did not answer): the others go on, it is read again next round
                read.put(instance, List.of());
            }
        });
        return read;
    }

    @Override
    public FeedWatch watch() {
        return signals.watch();
    }

    private CompletableFuture<Reply> read(long instanceId, long meetingId, StreamPosition after, int limit) {
        return calls.inMeeting(meetingId, feed, Long.toString(instanceId), after.toString(), Integer.toString(limit));
    }

    /** meeting/feed's answer: an instance's feed entries (stream id, kind, user, number, time, text, reason). */
    private record FeedReply(List<Reply> entries) {
        static FeedReply of(Reply reply) {
            return new FeedReply(reply.ok().rows(1));
        }

        List<InstanceActivity> activity(long instanceId, long meetingId) {
            // An entry of a kind a later release writes is left out, so that a node one release behind reads on.
            return entries.stream().filter(e -> FeedKind.known(e.text(1)))
                    .map(e -> new InstanceActivity(StreamPosition.parse("feed id", e.text(0)), FeedKind.ofStored(e.text(1)),
                            instanceId, meetingId, e.number(2), e.number(3), Replies.millis(e.text(4)),
                            e.textOrNull(5), e.textOrNull(6), e.size() > 7 ? e.textOrNull(7) : null))
                    .toList();
        }
    }

    /** catalog/feed's answer: lifecycle entries (stream id, kind, instance, meeting, from, to; "0": no window). */
    private record LifecycleReply(List<LifecycleChange> changes) {
        static LifecycleReply of(Reply reply) {
            return new LifecycleReply(reply.ok().rows(1).stream()
                    // An end by the administrator or a deletion records no window ("0"): it is left out.
                    .map(e -> new LifecycleChange(StreamPosition.parse("feed id", e.text(0)), FeedKind.ofStored(e.text(1)),
                            e.number(2), e.number(3), windowEdge(e.text(4)), windowEdge(e.text(5))))
                    .toList());
        }

        private static Instant windowEdge(String millis) {
            return "0".equals(millis) ? null : Replies.millis(millis);
        }
    }

    private static List<InstanceActivity> entries(long instanceId, long meetingId, Reply reply) {
        return FeedReply.of(reply).activity(instanceId, meetingId);
    }

    @Override
    public List<LifecycleChange> lifecycle(StreamPosition after, int limit) {
        return LifecycleReply.of(calls.await(calls.inCatalog(lifecycle, after.toString(), Integer.toString(limit)))).changes();
    }
}
