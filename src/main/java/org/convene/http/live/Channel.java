package org.convene.http.live;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.convene.core.Convene;
import org.convene.model.FeedEntry;
import org.convene.model.RefusedException;
import org.convene.model.StreamPosition;

/**
 * One feed (an instance's, or the lifecycle with id 0) and the sinks that take it. Read once per
 * round however many sinks it has; each sink skips what it already has, so a newcomer's catch-up
 * and the round's read never send an entry twice. Callers hold the channel's lock.
 */
final class Channel {
    static final int BATCH = 500;

    private final Convene convene;
    private final long instanceId;
    private final Set<Sink> sinks = ConcurrentHashMap.newKeySet();
    private StreamPosition position;

    Channel(Convene convene, long instanceId) {
        this.convene = convene;
        this.instanceId = instanceId;
    }

    long instanceId() {
        return instanceId;
    }

    boolean isLifecycle() {
        return instanceId == 0;
    }

    private List<? extends FeedEntry> read(StreamPosition after) {
        return isLifecycle() ? convene.lifecycle(after, BATCH) : convene.activity(instanceId, after, BATCH);
    }

    /**
     * Passes {@code sink} what follows its position, up to at least {@code target}, without the
     * channel's lock (the caller does not hold it; the sink is not the channel's yet); returns
     * false if the sink stopped wanting the channel.
     */
    boolean catchUp(Sink sink, StreamPosition target) {
        return pass(sink, target) != null;
    }

    /** Catches {@code sink} up from its position to the end of the feed, then keeps it fed. */
    void join(Sink sink) {
        StreamPosition reached = pass(sink, null);
        if (reached == null) return;
        sinks.add(sink);
        if (position == null) {
            position = reached;
        } else if (reached.isAfter(position)) {
            // The newcomer read past where the channel's other sinks are: bring them all up to date
            // rather than jump ahead of them (each sink skips what it already has).
            poll();
        }
    }

    /**
     * Passes {@code sink} the entries after its position, page by page, to the end of the feed or,
     * given {@code upTo}, at least that far; returns where reading stopped, or null once the sink no
     * longer wants the channel.
     */
    private StreamPosition pass(Sink sink, StreamPosition upTo) {
        StreamPosition from = sink.position(this);
        while (upTo == null || upTo.isAfter(from)) {
            List<? extends FeedEntry> page = read(from);
            for (FeedEntry entry : page) {
                if (!sink.accept(this, entry)) return null;
            }
            if (!page.isEmpty()) from = page.get(page.size() - 1).position();
            if (page.size() < BATCH) break;
        }
        return from;
    }

    /** Stops feeding {@code sink}; returns whether it was fed here. */
    boolean remove(Sink sink) {
        return sinks.remove(sink);
    }

    /** Whether {@code sink} is fed here. */
    boolean feeds(Sink sink) {
        return sinks.contains(sink);
    }

    /**
     * Lets go of the sinks that closed, telling {@code letGo} of each; returns whether the channel is left
     * without any.
     */
    boolean pruneClosed(Consumer<Sink> letGo) {
        sinks.removeIf(sink -> {
            if (!sink.closed()) return false;
            letGo.accept(sink);
            return true;
        });
        return sinks.isEmpty();
    }

    /** Closes every sink of the channel: their clients reconnect with their last id. */
    void closeSinks() {
        sinks.forEach(Sink::close);
    }

    /** Where the channel's sinks are all up to: what the next read starts after. */
    StreamPosition position() {
        return position == null ? StreamPosition.START : position;
    }

    /**
     * Passes on a page read after an earlier {@link #position()}: entries the channel has passed on
     * since (a newcomer's catch-up) are skipped, and a full page is followed by a read of the rest.
     */
    void offer(List<? extends FeedEntry> page) {
        for (FeedEntry entry : page) {
            if (position != null && !entry.position().isAfter(position)) continue;
            sinks.removeIf(sink -> !sink.accept(this, entry));
            position = entry.position();
        }
        if (page.size() >= BATCH) poll();
    }

    /** Reads what is new and passes it to every sink; a feed that is gone ends or drops its sinks. */
    void poll() {
        List<? extends FeedEntry> entries;
        try {
            entries = read(position == null ? StreamPosition.START : position);
        } catch (RefusedException deleted) {
            // The instance is gone: its own streams end (a stream left open would also hold up the
            // server's stop); merged streams just stop following it.
            sinks.forEach(sink -> sink.feedGone(instanceId));
            sinks.clear();
            return;
        }
        for (FeedEntry entry : entries) {
            sinks.removeIf(sink -> !sink.accept(this, entry));
            position = entry.position();
        }
    }
}
