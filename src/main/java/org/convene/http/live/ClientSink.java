package org.convene.http.live;

import io.javalin.http.sse.SseClient;
import org.convene.model.FeedEntry;

/** A sink that feeds one SSE client: entries as events named by their kind, with their JSON view. */
abstract class ClientSink implements Sink {
    final SseClient client;

    ClientSink(SseClient client) {
        this.client = client;
    }

    /** Sends an entry with {@code eventId}, what the client sends back as {@code Last-Event-ID} to resume after it. */
    void send(FeedEntry entry, String eventId) {
        client.sendEvent(entry.kind().wireName(), FeedView.json(entry), eventId);
    }

    @Override
    public boolean closed() {
        return client.terminated();
    }

    @Override
    public void heartbeat() {
        client.sendComment("heartbeat");
    }

    @Override
    public void close() {
        client.close();
    }
}
