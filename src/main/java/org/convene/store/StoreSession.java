package org.convene.store;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.convene.core.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger LOG = LoggerFactory.getLogger(StoreSession.class);
    /** How long a node waits for another to bring the data layout up to date before it gives up. */
    private static final Duration LAYOUT_WAIT = Duration.ofMinutes(10);
    /**
     * How long a node that starts while Redis does not answer (a cluster failing over, a primary stopped)
     * goes on asking before it gives up: a failover takes the node timeout and a little more.
     */
    static final Duration ANSWER_WAIT = Duration.ofSeconds(60);
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
                whileRedisAnswers(() -> store.layout().bringUpToDate(LAYOUT_WAIT), ANSWER_WAIT);
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

    /**
     * Runs {@code start} (bringing the data layout up to date), again every second while Redis does not answer,
     * for up to {@code answerWait}: the layout's steps are idempotent and resumable, so a try cut off midway is
     * simply made again.
     */
    static void whileRedisAnswers(Runnable start, Duration answerWait) {
        long until = System.nanoTime() + answerWait.toNanos();
        while (true) {
            try {
                start.run();
                return;
            } catch (StoreUnavailableException e) {
                if (System.nanoTime() > until) throw e;
                LOG.warn("Redis does not answer yet, asking again in a second: {}", e.getMessage());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
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
