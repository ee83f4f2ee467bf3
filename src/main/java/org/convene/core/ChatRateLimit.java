package org.convene.core;

import java.time.Clock;
import org.convene.core.port.Allowances;
import org.convene.model.RefusedException;

/**
 * At most N chat messages per user per minute, counted on the store's shared allowances so that several
 * nodes allow N in all, not N each; the administrator is not limited.
 */
public final class ChatRateLimit {
    private final int perMinute;
    private final Clock clock;
    private final Allowances allowances;

    /** A limit counted on {@code allowances}, which every node shares. */
    public ChatRateLimit(int perMinute, Clock clock, Allowances allowances) {
        if (perMinute < 1) throw new IllegalArgumentException("CONVENE_CHAT_PER_MINUTE must be at least 1");
        this.perMinute = perMinute;
        this.clock = clock;
        this.allowances = allowances;
    }

    /** A limit counted in this process only: for tests of the rule itself. */
    public ChatRateLimit(int perMinute, Clock clock) {
        this(perMinute, clock, inProcess(perMinute, clock));
    }

    private static Allowances inProcess(int perMinute, Clock clock) {
        RateLimit<String> local = new RateLimit<>(perMinute, clock);
        return (key, per, now) -> local.take(key);
    }

    /** Takes one message from the caller's allowance, or refuses with how many seconds to wait. */
    public void acquire(Caller caller) {
        if (caller.admin()) return;
        int wait = allowances.take("chat:" + caller.userId(), perMinute, clock.instant());
        if (wait > 0) {
            throw RefusedException.rateLimited("At most " + perMinute + " chat messages a minute; try again in "
                    + wait + " s", wait);
        }
    }
}
