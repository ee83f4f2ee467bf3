package org.convene.store;

import java.time.Instant;
import java.util.List;
import org.convene.core.port.LiveFeeds;
import org.convene.model.FeedKind;
import org.convene.model.InstanceActivity;
import org.convene.model.LifecycleChange;
import org.convene.model.StreamPosition;

/** The live feeds: each instance's capped stream of activity, and the catalog's lifecycle stream of all instances. */
final class FeedRecords implements LiveFeeds {
    private static final Script FEED = Script.load("meeting", "feed");
    private static final Script LIFECYCLE = Script.load("catalog", "feed");

    private final RedisCalls calls;
    private final InstanceLocator locator;

    FeedRecords(RedisCalls calls, InstanceLocator locator) {
        this.calls = calls;
        this.locator = locator;
    }

    @Override
    public List<InstanceActivity> activity(long instanceId, StreamPosition after, int limit) {
        return locator.withMeeting(instanceId, meetingId -> calls.await(calls.inMeeting(meetingId, FEED,
                Long.toString(instanceId), after.toString(), Integer.toString(limit))).ok().rows(1).stream()
                .map(e -> new InstanceActivity(StreamPosition.parse("feed id", e.text(0)), FeedKind.ofStored(e.text(1)),
                        instanceId, meetingId, e.number(2), e.number(3), Replies.millis(e.text(4)),
                        e.isNull(5) ? null : e.text(5), e.isNull(6) ? null : e.text(6)))
                .toList());
    }

    @Override
    public List<LifecycleChange> lifecycle(StreamPosition after, int limit) {
        return calls.await(calls.inCatalog(LIFECYCLE, after.toString(), Integer.toString(limit))).ok().rows(1).stream()
                // An end by the administrator or a deletion records no window ("0"): it is left out.
                .map(e -> new LifecycleChange(StreamPosition.parse("feed id", e.text(0)), FeedKind.ofStored(e.text(1)),
                        e.number(2), e.number(3), windowEdge(e.text(4)), windowEdge(e.text(5))))
                .toList();
    }

    private static Instant windowEdge(String millis) {
        return "0".equals(millis) ? null : Replies.millis(millis);
    }
}
