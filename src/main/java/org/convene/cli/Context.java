package org.convene.cli;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.convene.core.Convene;
import org.convene.store.RedisMeetingStore;
import org.convene.store.StoreSession;
import org.convene.store.StoreSettings;

/** What a command works on, opened on first use so that {@code --help} never starts a Redis. */
final class Context implements AutoCloseable {
    private final Function<Boolean, StoreSession> opener;
    private final Clock clock;
    private final Map<String, String> env;
    private StoreSession session;
    private RedisMeetingStore store;
    private boolean longLived;

    private Context(Function<Boolean, StoreSession> opener, RedisMeetingStore store, Clock clock,
                    Map<String, String> env) {
        this.env = env;
        this.opener = opener;
        this.store = store;
        this.clock = clock;
    }

    /** The store configured by {@code env} (see {@link StoreSettings}), on the system clock. */
    static Context fromEnvironment(Map<String, String> env) {
        return new Context(longLived -> StoreSession.open(StoreSettings.from(env), longLived), null, Clock.systemUTC(),
                env);
    }

    /** A store someone else opened and will close, e.g. in tests. */
    static Context of(RedisMeetingStore store, Clock clock) {
        return of(store, clock, Map.of());
    }

    /** A store someone else opened, with the environment the server settings come from. */
    static Context of(RedisMeetingStore store, Clock clock, Map<String, String> env) {
        return new Context(null, store, clock, env);
    }

    Map<String, String> env() {
        return env;
    }

    /** Declares that this command stays up (the scheduler), before the store is first used. */
    synchronized void stayUp() {
        longLived = true;
    }

    synchronized RedisMeetingStore store() {
        if (store == null) {
            session = opener.apply(longLived);
            store = session.store();
        }
        return store;
    }

    Convene convene() {
        return new Convene(store(), clock);
    }

    Clock clock() {
        return clock;
    }

    String description() {
        store();
        return session == null ? "the given store" : session.description();
    }

    @Override
    public synchronized void close() {
        if (session != null) session.close();
        session = null;
    }
}
