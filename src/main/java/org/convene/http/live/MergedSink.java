package org.convene.http.live;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import org.convene.model.FeedEntry;
import org.convene.model.FeedKind;
import org.convene.model.RefusedException;
import org.convene.model.StreamPosition;

/**
 * One client on the lifecycle of all instances and on the activity of each instance it may see
 * inside, from activation until the instance's own feed reports its end (so no timeout is cut off).
 * Its event ids are {@link PositionVector}s. Every instance it follows, whether named by the
 * client's vector or activated since, passes {@code sees} first.
 *
 * <p>A resume delivers every entry after the vector's positions once, in the order the entries
 * happened: the activity of an instance the vector names waits until the lifecycle's catch-up passes
 * the instance's activation, or its end, or is done (its activation came before the vector's lifecycle
 * position), and then goes on from the vector's position in its feed, never from its start again.
 */
final class MergedSink extends ClientSink {
    private final FeedHub hub;
    private final LongPredicate sees;
    private final PositionVector positions;
    /** Named instances whose activity waits for their activation to pass on the lifecycle's catch-up. */
    private final Set<Long> waiting = new HashSet<>();

    MergedSink(FeedHub hub, SseStream client, String token, LongPredicate sees, PositionVector positions,
               Predicate<FeedEntry> lobbyShown) {
        super(client, token, lobbyShown);
        this.hub = hub;
        this.sees = sees;
        this.positions = positions;
    }

    @Override
    public synchronized StreamPosition position(Channel channel) {
        return channel.isLifecycle() ? positions.lifecycle() : positions.of(channel.instanceId());
    }

    @Override
    public synchronized boolean accept(Channel channel, FeedEntry entry) {
        if (channel.isLifecycle()) {
            if (!entry.position().isAfter(positions.lifecycle())) return true;
            positions.lifecycle(entry.position());
            long instance = entry.instanceId();
            if (waiting.contains(instance) && (entry.kind() == FeedKind.ACTIVATED || entry.kind() == FeedKind.ENDED
                    || entry.kind() == FeedKind.DELETED)) {
                // Its activation passes now: what happened inside follows it. Its end without its activation: the
                // activation came before the client's lifecycle position; its activity goes out before the end.
                waiting.remove(instance);
                if (entry.kind() == FeedKind.ACTIVATED) send(entry, positions.toString());
                followInstance(instance);
                if (entry.kind() == FeedKind.ACTIVATED) return true;
            }
            if (entry.kind() == FeedKind.ACTIVATED && !positions.follows(instance) && sees.test(instance)) {
                // The activation goes out first, its id already naming the instance: what happened
                // inside follows it, also on a catch-up, and a client that reconnects with that id
                // resumes the instance's feed from its start.
                positions.set(instance, StreamPosition.START);
                send(entry, positions.toString());
                followInstance(instance);
                return true;
            }
            if ((entry.kind() == FeedKind.ENDED || entry.kind() == FeedKind.DELETED) && positions.follows(instance)) {
                // The instance's feed is complete before its lifecycle says it ended: pass its last
                // activity (the timeouts) on first, so that the client sees them before the end.
                hub.catchUp(instance);
                positions.drop(instance);
            }
            send(entry, positions.toString());
            return true;
        }
        long instance = channel.instanceId();
        if (!positions.follows(instance)) return false;
        if (!entry.position().isAfter(positions.of(instance))) return true;
        positions.set(instance, entry.position());
        if (entry.kind() == FeedKind.ENDED) {
            positions.drop(instance);
            return false;
        }
        if (entry.kind() != FeedKind.ACTIVATED) send(entry, positions.toString());
        return true;
    }

    /**
     * Takes the instances the client's vector names, each only if the client may see inside it; their activity
     * waits for their activation on the lifecycle's catch-up ({@link #followTheRest()} after it).
     */
    synchronized void followNamedInstances() {
        positions.retain(sees);
        waiting.addAll(positions.instances());
    }

    /** After the lifecycle's catch-up: the named instances whose activation it did not pass, the client saw before. */
    synchronized void followTheRest() {
        for (long instance : List.copyOf(waiting)) followInstance(instance);
        waiting.clear();
    }

    /** Starts taking an instance's feed; called with the lifecycle channel's lock held, or at subscription. */
    private void followInstance(long instanceId) {
        try {
            hub.join(instanceId, this);
        } catch (RefusedException gone) {
            positions.drop(instanceId);
        }
    }

    /** One of its feeds is gone: it stops following that instance and goes on with the rest. */
    @Override
    public synchronized void feedGone(long instanceId) {
        positions.drop(instanceId);
        waiting.remove(instanceId);
    }

    @Override
    synchronized Set<Long> followed() {
        return positions.instances();
    }

    /** Stops following, and leaves the channels of, the instances the client may no longer see inside. */
    @Override
    void restrictTo(Set<Long> visible) {
        Set<Long> dropped;
        synchronized (this) {
            dropped = positions.retain(visible::contains);
            waiting.retainAll(visible);
        }
        dropped.forEach(instance -> hub.leave(instance, this));
    }
}
