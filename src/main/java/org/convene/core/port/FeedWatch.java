package org.convene.core.port;

import java.time.Duration;
import java.util.Set;

/**
 * Word from the store that feeds have new entries, so that live streams read only the feeds that
 * changed, as soon as they change, rather than every feed on a timer. Word can be lost (a process
 * that dies between a write and its word): readers still read every feed now and then.
 */
public interface FeedWatch extends AutoCloseable {

    /**
     * Waits up to {@code max} for writes to feeds and returns the instances whose feeds may have new
     * entries since the last call, empty when none came. The lifecycle feed may have changed too
     * whenever the set is not empty.
     */
    Set<Long> next(Duration max);

    /** Stops watching and lets go of what the watch holds. */
    @Override
    void close();
}
