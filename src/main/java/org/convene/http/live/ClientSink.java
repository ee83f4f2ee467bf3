package org.convene.http.live;

import java.util.Set;
import java.util.function.Predicate;
import org.convene.model.FeedEntry;

/**
 * A sink that feeds one SSE client: entries as events named by their kind, with their JSON view.
 * It keeps the token the stream was opened with, so that its access can be rechecked while open.
 * An entry about someone in a lobby goes out only where {@code lobbyShown} says (the hosts, and that person).
 */
abstract class ClientSink implements Sink {
    final SseStream client;
    final String token;
    private final Predicate<FeedEntry> lobbyShown;

    ClientSink(SseStream client, String token, Predicate<FeedEntry> lobbyShown) {
        this.client = client;
        this.token = token;
        this.lobbyShown = lobbyShown;
    }

    /** The instances whose activity this client is sent now. */
    abstract Set<Long> followed();

    /** The client may now see inside only {@code visible} of what it follows: it stops following the rest. */
    abstract void restrictTo(Set<Long> visible);

    /** Sends an entry with {@code eventId}, what the client sends back as {@code Last-Event-ID} to resume after it. */
    void send(FeedEntry entry, String eventId) {
        if (entry.kind().lobby() && !lobbyShown.test(entry)) return;
        client.sendEvent(entry.kind().wireName(), FeedView.json(entry), eventId);
    }

    @Override
    public boolean closed() {
        return client.terminated();
    }

    /** Sends a comment: proxies keep the connection open, and a client that went away is found at this write. */
    void heartbeat() {
        client.sendComment("heartbeat");
    }

    @Override
    public void close() {
        client.close();
    }
}
