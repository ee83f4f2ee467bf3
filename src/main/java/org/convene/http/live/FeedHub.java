package org.convene.http.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import org.convene.core.Convene;
import org.convene.core.FeedChanges;
import org.convene.core.StreamAdmission;
import org.convene.model.InstanceActivity;
import org.convene.model.FeedEntry;
import org.convene.model.StreamPosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves live feeds to any number of SSE subscribers with one reader thread: each feed with
 * subscribers is read once per round and fanned out to all of them.
 *
 * <p>A subscriber first catches up from its {@code Last-Event-ID} under its channel's lock, then
 * joins the channel; it remembers the last position it was sent and is never sent an entry twice, so
 * a resumed stream gets exactly what it missed, in order. Locks are taken lifecycle channel first,
 * then instance channels, never the other way round.
 *
 * <pre>{@code
 * FeedHub hub = new FeedHub(convene, admission, Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofSeconds(1));
 * hub.subscribeInstance(client, token, userId, instanceId, StreamPosition.START, entry -> false);
 * }</pre>
 */
public final class FeedHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedHub.class);
    /** How often open instance streams renew their users' presence: well within the shortest lease (30 s). */
    static final Duration PRESENCE_RENEWAL = Duration.ofSeconds(10);

    private final Convene convene;
    private final StreamAdmission admission;
    private final Duration pollInterval;
    private final Duration heartbeat;
    private final Duration recheck;
    private final Map<Long, Channel> channels = new ConcurrentHashMap<>();
    private final Set<ClientSink> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger subscribers = new AtomicInteger();
    private final Thread reader;
    private final Thread guard;
    private volatile boolean running = true;

    /**
     * Starts the reader, which reads the feeds a write announces as soon as it does, and every feed
     * with subscribers every {@code pollInterval}; and the guard, which sends each client a heartbeat
     * every {@code heartbeat} and rechecks every open stream's access every {@code recheck}.
     */
    public FeedHub(Convene convene, StreamAdmission admission, Duration pollInterval, Duration heartbeat,
                   Duration recheck) {
        this.convene = convene;
        this.admission = admission;
        this.pollInterval = pollInterval;
        this.heartbeat = heartbeat;
        this.recheck = recheck;
        this.reader = new Thread(this::readLoop, "feed-hub");
        reader.setDaemon(true);
        reader.start();
        this.guard = new Thread(this::guardLoop, "feed-guard");
        guard.setDaemon(true);
        guard.start();
    }

    /** Returns how many clients are subscribed now. */
    public int subscribers() {
        return subscribers.get();
    }

    private Channel channel(long instanceId) {
        return channels.computeIfAbsent(instanceId, id -> new Channel(convene, id));
    }

    /**
     * Streams instance {@code instanceId}'s feed to {@code client}, opened with {@code token} by
     * user {@code userId} (0: the administrator), from after {@code from}; the open stream renews
     * that user's presence in the instance (or their wait in its lobby); entries about someone in the lobby go out
     * only where {@code lobbyShown} says.
     */
    public void subscribeInstance(SseStream client, String token, long userId, long instanceId, StreamPosition from,
                                  Predicate<FeedEntry> lobbyShown) {
        FeedSink sink = new FeedSink(client, token, userId, instanceId, from, lobbyShown);
        joinAfterCatchingUp(instanceId, sink);
        register(client, sink);
    }

    /**
     * Streams only the lifecycle of all instances (scheduled, activated, ended, deleted) to
     * {@code client}, from after {@code from}: what a list of meetings needs, without their activity.
     */
    public void subscribeLifecycle(SseStream client, String token, StreamPosition from) {
        FeedSink sink = new FeedSink(client, token, 0, 0, from, entry -> false);
        joinAfterCatchingUp(0, sink);
        register(client, sink);
    }

    /**
     * Catches a new single-feed sink up without the channel's lock, as far as the channel had got,
     * then joins it under the lock, which then reads only what came meanwhile: a thousand consoles
     * replaying the lifecycle at once would otherwise queue behind one another's reads, and the
     * reader behind them all. Nothing else feeds the sink until it joins.
     */
    private void joinAfterCatchingUp(long feedId, FeedSink sink) {
        Channel channel = channel(feedId);
        StreamPosition target;
        synchronized (channel) {
            target = channel.position();
        }
        if (channel.catchUp(sink, target)) join(feedId, sink);
    }

    /**
     * Streams the lifecycle of all instances, and the activity of every instance {@code sees}
     * admits, from the positions in {@code from}; entries about someone in a lobby only where {@code lobbyShown} says.
     */
    public void subscribeEverything(SseStream client, String token, PositionVector from, LongPredicate sees,
                                    Predicate<FeedEntry> lobbyShown) {
        MergedSink merged = new MergedSink(this, client, token, sees, from, lobbyShown);
        Channel lifecycle = channel(0);
        synchronized (lifecycle) {
            // Instances the vector names are followed from where the client was; the lifecycle then
            // adds those activated since and drops those that ended.
            merged.followNamedInstances();
            lifecycle.join(merged);
            merged.followTheRest();
        }
        register(client, merged);
    }

    /** Catches {@code sink} up on an instance's feed and keeps it fed. */
    void join(long instanceId, Sink sink) {
        Channel channel = channel(instanceId);
        synchronized (channel) {
            channel.join(sink);
        }
    }

    /** Takes {@code sink} off an instance's channel. */
    void leave(long instanceId, Sink sink) {
        Channel channel = channels.get(instanceId);
        if (channel == null) return;
        synchronized (channel) {
            channel.remove(sink);
        }
    }

    /** Passes on what is new in an instance's feed now, before its end is announced. */
    void catchUp(long instanceId) {
        Channel channel = channel(instanceId);
        synchronized (channel) {
            channel.poll();
        }
    }

    private void register(SseStream client, ClientSink sink) {
        synchronized (this) {
            if (!running) {
                // Arrived while the hub was closing: end it now, or it would hold the server's stop open.
                channels.values().forEach(channel -> channel.remove(sink));
                client.close();
                return;
            }
        }
        subscribers.incrementAndGet();
        clients.add(sink);
        client.onClose(() -> {
            clients.remove(sink);
            boolean removed = false;
            for (Channel channel : channels.values()) removed |= channel.remove(sink);
            if (removed) subscribers.decrementAndGet();
        });
        client.sendComment("subscribed");
    }

    /**
     * Reads the feeds that the store says changed, as soon as it says so, and every feed with
     * subscribers every {@code pollInterval} whatever it says (word can be lost); instances first,
     * then the lifecycle, so that activity is passed on before the end that follows it.
     */
    private void readLoop() {
        long lastSweep = 0;
        FeedChanges watch = null;
        while (running) {
            try {
                if (watch == null) watch = convene.watchFeeds();
                Set<Long> touched = watch.next(pollInterval);
                long now = System.nanoTime();
                boolean sweep = now - lastSweep >= pollInterval.toNanos();
                if (sweep) lastSweep = now;
                round(sweep ? null : touched, sweep);
            } catch (RuntimeException e) {
                if (!running) return; // interrupted by close(): nothing failed
                LOG.warn("Reading live feeds failed, retrying: {}", e.getMessage());
                if (watch != null) watch.close();
                watch = null;
                if (!pause()) return;
            }
        }
        if (watch != null) watch.close();
    }

    private boolean pause() {
        try {
            Thread.sleep(pollInterval.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * One round: the instance feeds in {@code touched} (all of them when null) read in one round trip
     * and passed on, then the lifecycle when anything was touched; a sweep also lets go of closed
     * subscribers and of channels left without any.
     */
    private void round(Set<Long> touched, boolean sweep) {
        if (touched != null && touched.isEmpty()) return;
        List<Channel> instances = new ArrayList<>();
        Channel lifecycle = null;
        for (Channel channel : channels.values()) {
            if (sweep && prune(channel)) continue;
            if (channel.isLifecycle()) lifecycle = channel;
            else if (touched == null || touched.contains(channel.instanceId())) instances.add(channel);
        }
        Map<Long, StreamPosition> positions = new HashMap<>();
        for (Channel channel : instances) {
            synchronized (channel) {
                positions.put(channel.instanceId(), channel.position());
            }
        }
        Map<Long, List<InstanceActivity>> read = positions.isEmpty() ? Map.of() : convene.activity(positions, Channel.BATCH);
        for (Channel channel : instances) {
            synchronized (channel) {
                List<InstanceActivity> page = read.get(channel.instanceId());
                if (page == null) channel.poll(); // gone, or refused: asked alone, which ends its streams if gone
                else channel.offer(page);
            }
        }
        if (lifecycle != null && (touched == null || !touched.isEmpty())) {
            synchronized (lifecycle) {
                lifecycle.poll();
            }
        }
    }

    /** Lets go of a channel's closed subscribers, and of the channel once it has none; returns whether it went. */
    private boolean prune(Channel channel) {
        synchronized (channel) {
            boolean empty = channel.pruneClosed(sink -> {
                if (channels.values().stream().noneMatch(c -> c != channel && c.feeds(sink))) subscribers.decrementAndGet();
            });
            if (!empty) return false;
            channels.remove(channel.instanceId(), channel);
            return true;
        }
    }

    /**
     * Rechecks every open stream: one whose token no longer works is closed; one that follows an
     * instance its caller may no longer see inside stops following it (an instance's own stream ends).
     */
    private void guardLoop() {
        long lastBeat = System.nanoTime();
        long lastRecheck = System.nanoTime();
        long lastRenewal = System.nanoTime();
        long step = Math.min(recheck.toMillis(), heartbeat.toMillis());
        while (running) {
            try {
                Thread.sleep(step);
                long now = System.nanoTime();
                if (now - lastBeat >= heartbeat.toNanos()) {
                    lastBeat = now;
                    // Here rather than on the reader: ten thousand writes at once would hold up delivery.
                    clients.forEach(ClientSink::heartbeat);
                }
                if (now - lastRecheck >= recheck.toNanos()) {
                    lastRecheck = now;
                    recheckAll();
                }
                if (now - lastRenewal >= PRESENCE_RENEWAL.toNanos()) {
                    lastRenewal = now;
                    renewPresence();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Rechecking live streams failed, retrying: {}", e.getMessage());
            }
        }
    }

    /**
     * Renews the presence of every user with an instance's stream open, in one batch: an open
     * stream is a sign of life, so a participant watching the meeting is never reaped.
     */
    public void renewPresence() {
        Map<Long, Set<Long>> open = new HashMap<>();
        for (ClientSink sink : clients) {
            if (sink instanceof FeedSink feed && !feed.closed()) {
                long[] pair = feed.presence();
                if (pair != null) open.computeIfAbsent(pair[0], i -> new HashSet<>()).add(pair[1]);
            }
        }
        convene.renewPresence(open);
    }

    /** Rechecks every open stream now; the guard does this every {@code recheck}. */
    public void recheckAll() {
        List<ClientSink> open = new ArrayList<>(clients);
        if (open.isEmpty()) return;
        List<StreamAdmission.Stream> streams = open.stream()
                .map(sink -> new StreamAdmission.Stream(sink.token, sink.followed())).toList();
        List<Optional<Set<Long>>> verdicts = admission.recheck(streams);
        for (int i = 0; i < open.size(); i++) {
            ClientSink sink = open.get(i);
            Optional<Set<Long>> visible = verdicts.get(i);
            if (visible.isEmpty()) sink.close();
            else sink.restrictTo(visible.get());
        }
    }

    /** Ends every stream now and goes on serving: clients reconnect with their last id and get what they missed. */
    public void dropSubscribers() {
        for (Channel channel : channels.values()) {
            synchronized (channel) {
                channel.closeSinks();
            }
        }
    }

    /** Closes every stream: clients see the end and reconnect elsewhere with their last id. */
    @Override
    public void close() {
        synchronized (this) {
            running = false;
        }
        reader.interrupt();
        guard.interrupt();
        dropSubscribers();
    }
}
