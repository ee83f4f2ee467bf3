package org.convene.store;

import java.time.Duration;
import java.util.Optional;
import org.convene.core.port.Maintenance;

/** Whole-store operations on Redis: for explicit resets and probes, never on a request path. */
final class RedisMaintenance implements Maintenance {
    private final RedisCalls calls;
    private final UserRecords users;
    private final InstanceLocator locator;
    private final LiveView live;

    RedisMaintenance(RedisCalls calls, UserRecords users, InstanceLocator locator, LiveView live) {
        this.calls = calls;
        this.users = users;
        this.locator = locator;
        this.live = live;
    }

    @Override
    public void ping(Duration within) {
        calls.awaitWithin(calls.commands.ping().toCompletableFuture(), within);
    }

    /** Returns whether there is no data; the administrator's token hash and the layout's version alone are not data. */
    @Override
    public boolean isEmpty() {
        int events = calls.eventsDatabase();
        long credentials = users.adminTokenHash().isPresent() ? 1 : 0;
        long layout = calls.await(calls.commands.exists(DataLayout.VERSION, DataLayout.DONE).toCompletableFuture());
        return calls.redis.size(calls.redis.dataDatabase()) == credentials + layout
                && (events < 0 || calls.redis.size(events) == 0);
    }

    /**
     * Deletes all data but the administrator's token hash: a reset is about data, not about who administers it.
     * What is left is empty, so it is in this code's layout.
     */
    @Override
    public void wipe() {
        Optional<String> admin = users.adminTokenHash();
        boolean versioned = calls.await(calls.commands.exists(DataLayout.VERSION).toCompletableFuture()) > 0;
        calls.redis.flush(calls.redis.dataDatabase());
        if (calls.eventsDatabase() >= 0) calls.redis.flush(calls.eventsDatabase());
        locator.forgetAll();
        live.forgetAll();
        admin.ifPresent(users::replaceAdminTokenHash);
        calls.recheckWebhooks();
        if (versioned) {
            calls.await(calls.commands.set(DataLayout.VERSION, Integer.toString(DataLayout.CURRENT)).toCompletableFuture());
        }
    }
}
