package org.convene.core.port;

import java.util.List;
import org.convene.model.Event;

/** The events log: joins, leaves and timeouts, per instance and per user, numbered in order. */
public interface EventHistory {

    /** Returns up to {@code limit} events of an instance after {@code afterId}. */
    List<Event> ofInstance(long instanceId, long afterId, int limit);

    /** Returns the newest {@code limit} events of an instance with ids below {@code beforeId}, in order. */
    List<Event> before(long instanceId, long beforeId, int limit);

    /** Returns every event of one user, across meetings, in time order. */
    List<Event> ofUser(long userId);
}
