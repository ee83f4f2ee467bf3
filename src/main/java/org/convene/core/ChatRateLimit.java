package org.convene.core;

import java.time.Clock;
import org.convene.model.RefusedException;

/** At most N chat messages per user per minute in this process; the administrator is not limited. */
public final class ChatRateLimit {
    private final RateLimit<Long> limit;

    public ChatRateLimit(int perMinute, Clock clock) {
        this.limit = new RateLimit<>(perMinute, clock);
    }

    /** Takes one message from the caller's allowance, or refuses with how many seconds to wait. */
    public void acquire(Caller caller) {
        if (caller.admin()) return;
        int wait = limit.take(caller.userId());
        if (wait > 0) {
            throw RefusedException.rateLimited("At most " + limit.perMinute() + " chat messages a minute; try again in "
                    + wait + " s", wait);
        }
    }
}
