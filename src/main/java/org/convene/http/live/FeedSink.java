package org.convene.http.live;

import java.util.Set;
import java.util.function.Predicate;
import org.convene.model.FeedEntry;
import org.convene.model.StreamPosition;

/**
 * One client on one feed, an instance's or the lifecycle of all instances (feed 0); its event ids
 * are plain stream ids, so every client of the feed is sent the same bytes.
 */
final class FeedSink extends ClientSink {
    private StreamPosition sent;

    private final long feedId;
    private final long userId;

    FeedSink(SseStream client, String token, long userId, long feedId, StreamPosition sent,
             Predicate<FeedEntry> lobbyShown) {
        super(client, token, lobbyShown);
        this.userId = userId;
        this.feedId = feedId;
        this.sent = sent;
    }

    /** The instance and user whose presence this open stream renews, or null (the lifecycle, or the administrator). */
    long[] presence() {
        return feedId == 0 || userId == 0 ? null : new long[] {feedId, userId};
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

    /** The lifecycle is everyone's to see: only an instance's feed is followed activity. */
    @Override
    Set<Long> followed() {
        return feedId == 0 ? Set.of() : Set.of(feedId);
    }

    /** Its only instance is no longer visible to it: the stream ends. */
    @Override
    void restrictTo(Set<Long> visible) {
        if (feedId != 0 && !visible.contains(feedId)) close();
    }
}
