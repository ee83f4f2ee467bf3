package org.convene.store;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;

/**
 * The store as configured: on the Redis named by the settings, or on an embedded Redis started
 * for the purpose. Closing it closes the connection and stops an embedded server this process started.
 *
 * <pre>{@code
 * try (StoreSession session = StoreSession.open(Settings.from(System.getenv()).store())) {
 *     Convene convene = new Convene(session.store(), Clock.systemUTC());
 * }
 * }</pre>
 */
public final class StoreSession implements AutoCloseable {
    /** How long a node waits for another to bring the data layout up to date before it gives up. */
    private static final Duration LAYOUT_WAIT = Duration.ofMinutes(10);
    private final EmbeddedRedis embedded;
    private final RedisConnection connection;
    private final RedisStore store;

    private StoreSession(EmbeddedRedis embedded, RedisConnection connection, RedisStore store) {
        this.embedded = embedded;
        this.connection = connection;
        this.store = store;
    }

    /** Opens the store for a one-off command. */
    public static StoreSession open(StoreSettings settings) {
        return open(settings, false);
    }

    /** Opens the store; {@code longLived} for processes that stay up, such as the scheduler. */
    public static StoreSession open(StoreSettings settings, boolean longLived) {
        return open(settings, longLived, null);
    }

    /** Opens the store, recording Redis command latencies into {@code metrics} when it is given. */
    public static StoreSession open(StoreSettings settings, boolean longLived, MeterRegistry metrics) {
        EmbeddedRedis embedded = settings.redisUrl().isPresent() ? null
                : EmbeddedRedis.start(settings.dataDir(), settings.fsync(), longLived);
        try {
            String url = embedded == null ? settings.redisUrl().orElseThrow() : embedded.url();
            RedisConnection connection = RedisConnection.open(url, settings.cluster(), metrics, settings.replicaWait());
            try {
                RedisStore store = new RedisStore(connection, settings.eventsDatabase());
                store.layout().bringUpToDate(LAYOUT_WAIT);
                return new StoreSession(embedded, connection, store);
            } catch (RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (RuntimeException e) {
            if (embedded != null) embedded.close();
            throw e;
        }
    }

    public RedisStore store() {
        return store;
    }

    /** Describes where the data lives, for people: the embedded server's directory or the Redis URL. */
    public String description() {
        return Optional.ofNullable(embedded).map(e -> "embedded Redis on " + connection.description()
                + (e.owned() ? "" : " (shared with another Convene process)")).orElse("Redis at " + connection.description());
    }

    @Override
    public void close() {
        connection.close();
        if (embedded != null) embedded.close();
    }
}
