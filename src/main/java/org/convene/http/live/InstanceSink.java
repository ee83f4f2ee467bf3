package org.convene.http.live;

import io.javalin.http.sse.SseClient;
import org.convene.model.FeedEntry;
import org.convene.model.StreamPosition;

/** One client on one instance's feed; its event ids are plain stream ids. */
final class InstanceSink extends ClientSink {
    private StreamPosition sent;

    InstanceSink(SseClient client, StreamPosition sent) {
        super(client);
        this.sent = sent;
    }

    @Override
    public boolean accept(Channel channel, FeedEntry entry) {
        if (!entry.position().isAfter(sent)) return true;
        send(entry, entry.position().toString());
        sent = entry.position();
        return true;
    }

    @Override
    public StreamPosition position(Channel channel) {
        return sent;
    }

    /** Its only feed is gone: the stream ends. */
    @Override
    public void feedGone(long instanceId) {
        close();
    }

    @Override
    public boolean beatsOn(Channel channel) {
        return true;
    }
}
