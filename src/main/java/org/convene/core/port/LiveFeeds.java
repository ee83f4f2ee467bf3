package org.convene.core.port;

import java.util.List;
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

    /** Returns up to {@code limit} entries of the lifecycle feed of all instances after {@code after}. */
    List<LifecycleChange> lifecycle(StreamPosition after, int limit);
}
