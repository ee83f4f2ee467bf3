package org.convene.core.port;

import java.time.Duration;

/** Whole-store operations for explicit resets: never on a request path. */
public interface Maintenance {

    /** Returns normally if the store answers within {@code within}, or throws {@link org.convene.core.StoreUnavailableException}. */
    void ping(Duration within);

    /** Returns whether the store holds no data; the administrator's token hash alone is not data. */
    boolean isEmpty();

    /** Deletes every user, meeting, instance, event and message, keeping the administrator's token hash. */
    void wipe();
}
