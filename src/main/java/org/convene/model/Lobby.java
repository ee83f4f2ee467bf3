package org.convene.model;

import java.time.Instant;
import java.util.List;

/**
 * An occurrence's lobby as its hosts see it: who waits (in arrival order, each with their position), the seats kept for
 * people admitted who have not come in yet, and the seats: {@code capacity} (0: none), people {@code inside}.
 * {@code waitingCount} counts every waiter, also those beyond the list's limit.
 */
public record Lobby(long instanceId, InstanceStatus status, List<Waiter> waiting, List<Admitted> admitted,
                    int waitingCount, int capacity, int inside) {
    public Lobby {
        waiting = List.copyOf(waiting);
        admitted = List.copyOf(admitted);
    }

    /** Someone waiting: their position (1 first) and since when. */
    public record Waiter(long userId, String name, int position, Instant since) {}

    /** Someone admitted who has not come in yet: the seat kept for them frees itself at {@code until}. */
    public record Admitted(long userId, String name, Instant until) {}

    /** Seats free now (null: no capacity, so no limit): capacity less those inside and the seats kept. */
    public Integer free() {
        return capacity == 0 ? null : Math.max(0, capacity - inside - admitted.size());
    }
}
