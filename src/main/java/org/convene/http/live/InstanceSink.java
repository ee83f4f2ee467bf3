package org.convene.http.live;

import java.util.Set;
import org.convene.model.FeedEntry;
import org.convene.model.StreamPosition;

/** One client on one instance's feed; its event ids are plain stream ids. */
final class InstanceSink extends ClientSink {
    private StreamPosition sent;

    private final long instanceId;

    InstanceSink(SseStream client, String token, long instanceId, StreamPosition sent) {
        super(client, token);
        this.instanceId = instanceId;
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
    Set<Long> followed() {
        return Set.of(instanceId);
    }

    /** Its only instance is no longer visible to it: the stream ends. */
    @Override
    void restrictTo(Set<Long> visible) {
        if (!visible.contains(instanceId)) close();
    }

    @Override
    public boolean beatsOn(Channel channel) {
        return true;
    }
}
