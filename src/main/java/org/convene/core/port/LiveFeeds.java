package org.convene.core.port;

import java.util.List;
import java.util.Map;
import org.convene.model.InstanceActivity;
import org.convene.model.LifecycleChange;
import org.convene.model.StreamPosition;

/** Where live streams read from: each instance's feed of activity, and the lifecycle of all instances. */
public interface LiveFeeds {

    /**
     * Returns up to {@code limit} entries of an instance's feed after {@code after}; refuses with
     * "Invalid meeting instance ID" once the instance is gone.
     */
    List<InstanceActivity> activity(long instanceId, StreamPosition after, int limit);

    /**
     * Returns, for each instance in {@code after}, up to {@code limit} entries of its feed after its
     * position, all in one round trip; an instance that is gone (or whose read was refused) is left
     * out, for the caller to ask about alone.
     */
    Map<Long, List<InstanceActivity>> activity(Map<Long, StreamPosition> after, int limit);

    /** Starts watching for writes to feeds; the caller closes the watch. */
    FeedWatch watch();

    /** Returns up to {@code limit} entries of the lifecycle feed of all instances after {@code after}. */
    List<LifecycleChange> lifecycle(StreamPosition after, int limit);

    /**
     * The same feeds as far as the store's replicas hold them: what a failover cannot take back. Live
     * streams read these, so that they never pass on an entry the store may yet lose, and never move past
     * the entries that replace it (on a store without replicas: these feeds themselves).
     */
    default LiveFeeds committed() {
        return this;
    }
}
