package org.convene.core;

import java.time.Duration;
import java.util.Set;
import org.convene.core.port.FeedWatch;

/**
 * Word of new entries in the live feeds, for the adapter that reads them: the store's
 * {@link FeedWatch} as the application hands it out (adapters see the core, not its ports).
 */
public final class FeedChanges implements AutoCloseable {
    private final FeedWatch watch;

    FeedChanges(FeedWatch watch) {
        this.watch = watch;
    }

    /**
     * Waits up to {@code max} for writes to feeds; returns the instances whose feeds may have new
     * entries, empty when none came (the lifecycle feed may have changed whenever it is not empty).
     */
    public Set<Long> next(Duration max) {
        return watch.next(max);
    }

    /** Stops watching. */
    @Override
    public void close() {
        watch.close();
    }
}
