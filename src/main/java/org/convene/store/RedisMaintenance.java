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

    /** Returns whether there is no data; the administrator's token hash alone is not data. */
    @Override
    public boolean isEmpty() {
        int events = calls.eventsDatabase();
        long credentials = users.adminTokenHash().isPresent() ? 1 : 0;
        return calls.redis.size(calls.redis.dataDatabase()) == credentials
                && (events < 0 || calls.redis.size(events) == 0);
    }

    /** Deletes all data but the administrator's token hash: a reset is about data, not about who administers it. */
    @Override
    public void wipe() {
        Optional<String> admin = users.adminTokenHash();
        calls.redis.flush(calls.redis.dataDatabase());
        if (calls.eventsDatabase() >= 0) calls.redis.flush(calls.eventsDatabase());
        locator.forgetAll();
        live.forgetAll();
        admin.ifPresent(users::replaceAdminTokenHash);
    }
}
