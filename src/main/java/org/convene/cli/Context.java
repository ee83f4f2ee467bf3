package org.convene.cli;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.convene.app.Node;
import org.convene.app.Settings;
import org.convene.core.Convene;
import org.convene.core.Services;

/** What a command works on, opened on first use so that {@code --help} never starts a Redis. */
final class Context implements AutoCloseable {
    private final Function<Boolean, Node> opener;
    private final Map<String, String> env;
    private final Clock clock;
    private Node node;
    private boolean opened;
    private boolean longLived;

    private Context(Function<Boolean, Node> opener, Node node, Clock clock, Map<String, String> env) {
        this.opener = opener;
        this.node = node;
        this.clock = clock;
        this.env = env;
    }

    /** The store configured by {@code env} (see {@link Settings}), on the system clock. */
    static Context fromEnvironment(Map<String, String> env) {
        return new Context(longLived -> Node.open(Settings.from(env), longLived), null, Clock.systemUTC(), env);
    }

    /** A node someone else opened and will close, e.g. in tests. */
    static Context of(Node node, Clock clock) {
        return new Context(null, node, clock, Map.of());
    }

    /** The environment, for the benchmark's own throwaway servers. */
    Map<String, String> env() {
        return env;
    }

    /** Declares that this command stays up (the scheduler, the server), before the node is first used. */
    synchronized void stayUp() {
        longLived = true;
    }

    synchronized Node node() {
        if (node == null) {
            node = opener.apply(longLived);
            opened = true;
        }
        return node;
    }

    Services services() {
        return node().services();
    }

    Convene convene() {
        return services().convene();
    }

    Clock clock() {
        return clock;
    }

    String description() {
        return node().description();
    }

    @Override
    public synchronized void close() {
        if (opened && node != null) node.close();
        if (opened) node = null;
        opened = false;
    }
}
