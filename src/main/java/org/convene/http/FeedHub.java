package org.convene.http;

import io.javalin.http.sse.SseClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.convene.core.MeetingStore;
import org.convene.model.FeedEntry;
import org.convene.model.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves live feeds to any number of SSE subscribers with one reader thread and the shared Redis
 * connection: each feed with subscribers is read once per round and fanned out to all of them.
 *
 * <p>A subscriber first catches up from its {@code Last-Event-ID} under its channel's lock, then
 * joins the channel; it remembers the last id it was sent and is never sent an entry twice, so a
 * resumed stream gets exactly what it missed, in order. The stream of everything a caller may see
 * merges several feeds; its event ids are position vectors ({@code l=<id>;<instance>=<id>...}) so
 * that a resume restores every position at once. Locks are taken lifecycle channel first, then
 * instance channels, never the other way round.
 */
final class FeedHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedHub.class);
    private static final int BATCH = 500;
    private static final long POLL_MILLIS = 100;
    private static final long HEARTBEAT_NANOS = 15_000_000_000L;
    private static final String LIFECYCLE = "lifecycle";
    private static final Pattern STREAM_ID = Pattern.compile("0|\\d{1,19}-\\d{1,19}");

    private final MeetingStore store;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final AtomicInteger subscribers = new AtomicInteger();
    private final Thread reader;
    private volatile boolean running = true;

    /** Something fed by channels: one SSE client, or the merge of several feeds for one client. */
    private interface Sink {
        /** Takes an entry of the channel; returns false once the sink no longer wants this channel. */
        boolean accept(Channel channel, FeedEntry entry);

        /** The last id this sink has taken from the channel. */
        String position(Channel channel);

        /** The feed of an instance this sink takes is gone (the instance was deleted). */
        void feedGone(long instanceId);

        boolean closed();

        void heartbeat();

        void close();
    }

    /** A sink that feeds one SSE client. */
    private abstract static class ClientSink implements Sink {
        final SseClient client;

        ClientSink(SseClient client) {
            this.client = client;
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

    private final class Channel {
        final String key;
        final long instanceId;
        final Set<Sink> sinks = ConcurrentHashMap.newKeySet();
        String position;

        Channel(String key, long instanceId) {
            this.key = key;
            this.instanceId = instanceId;
        }

        List<FeedEntry> read(String after) {
            return instanceId == 0 ? store.lifecycle(after, BATCH) : store.feed(instanceId, after, BATCH);
        }

        /** Catches {@code sink} up from its position to the end of the feed, then keeps it fed. Lock held by caller. */
        void join(Sink sink) {
            String from = sink.position(this);
            boolean wanted = true;
            for (List<FeedEntry> page = read(from); wanted && !page.isEmpty(); page = read(from)) {
                for (FeedEntry entry : page) {
                    wanted = sink.accept(this, entry);
                    if (!wanted) break;
                }
                from = page.get(page.size() - 1).id();
                if (page.size() < BATCH) break;
            }
            if (wanted) sinks.add(sink);
            if (position == null) {
                position = from;
            } else if (newer(from, position)) {
                // The newcomer read past where the channel's other sinks are: bring them all up to date
                // rather than jump ahead of them (each sink skips what it already has).
                readInto(this);
            }
        }
    }

    FeedHub(MeetingStore store) {
        this.store = store;
        this.reader = new Thread(this::readLoop, "feed-hub");
        reader.setDaemon(true);
        reader.start();
    }

    int subscribers() {
        return subscribers.get();
    }

    private Channel channel(long instanceId) {
        return channels.computeIfAbsent(instanceId == 0 ? LIFECYCLE : "instance:" + instanceId,
                key -> new Channel(key, instanceId));
    }

    /** Returns {@code id} if a client may resume one feed from it ("0" or {@code <ms>-<seq>}), else refuses with 400. */
    static String resumeId(String id) {
        if (id == null || id.isBlank()) return "0";
        if (!STREAM_ID.matcher(id).matches()) {
            throw HttpProblem.badRequest("Last-Event-ID must be a stream id such as 1700000000000-0");
        }
        return id;
    }

    /** Streams instance {@code instanceId}'s feed to {@code client} from after {@code lastEventId} ("0": the start). */
    void subscribeInstance(SseClient client, long instanceId, String lastEventId) {
        follow(client, channel(instanceId), new Single(client, lastEventId));
    }

    /** Streams the lifecycle of all instances, and the activity of those {@code sees} admits, from a position vector. */
    void subscribeEverything(SseClient client, String lastEventId, LongPredicate sees) {
        Merged merged = new Merged(client, sees, positions(lastEventId));
        Channel lifecycle = channel(0);
        synchronized (lifecycle) {
            // Instances the vector names are followed from where the client was; the lifecycle then
            // adds those activated since and drops those that ended.
            for (Map.Entry<String, String> position : new ArrayList<>(merged.positions.entrySet())) {
                if (!position.getKey().equals("l")) merged.followInstance(Long.parseLong(position.getKey()));
            }
            lifecycle.join(merged);
        }
        register(client, merged);
    }

    private void follow(SseClient client, Channel channel, Sink sink) {
        synchronized (channel) {
            channel.join(sink);
        }
        register(client, sink);
    }

    private void register(SseClient client, Sink sink) {
        synchronized (this) {
            if (!running) {
                // Arrived while the hub was closing: end it now, or it would hold the server's stop open.
                channels.values().forEach(channel -> channel.sinks.remove(sink));
                client.close();
                return;
            }
        }
        subscribers.incrementAndGet();
        client.onClose(() -> {
            boolean removed = false;
            for (Channel channel : channels.values()) removed |= channel.sinks.remove(sink);
            if (removed) subscribers.decrementAndGet();
        });
        client.sendComment("subscribed");
    }

    /** Parses a position vector ({@code l=<id>;<instance>=<id>}) or a plain lifecycle id; refuses anything else. */
    static Map<String, String> positions(String lastEventId) {
        Map<String, String> positions = new LinkedHashMap<>();
        positions.put("l", "0");
        if (lastEventId == null || lastEventId.isBlank()) return positions;
        if (STREAM_ID.matcher(lastEventId).matches()) {
            positions.put("l", lastEventId);
            return positions;
        }
        String[] parts = lastEventId.split(";", 1001);
        if (parts.length > 1000) throw HttpProblem.badRequest("Last-Event-ID names too many positions");
        for (String part : parts) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? "" : part.substring(0, eq);
            String id = eq < 0 ? "" : part.substring(eq + 1);
            if (!(key.equals("l") || key.matches("[1-9]\\d{0,17}")) || !STREAM_ID.matcher(id).matches()) {
                throw HttpProblem.badRequest("Last-Event-ID must be a stream id or positions such as l=1700000000000-0;2=0");
            }
            positions.put(key, id);
        }
        return positions;
    }

    /** One client on one feed. */
    private final class Single extends ClientSink {
        String sent;

        Single(SseClient client, String sent) {
            super(client);
            this.sent = sent;
        }

        @Override
        public boolean accept(Channel channel, FeedEntry entry) {
            if (!newer(entry.id(), sent)) return true;
            client.sendEvent(entry.kind(), Json.toString(FeedView.of(entry)), entry.id());
            sent = entry.id();
            return true;
        }

        @Override
        public String position(Channel channel) {
            return sent;
        }

        /** Its only feed is gone: the stream ends. */
        @Override
        public void feedGone(long instanceId) {
            close();
        }
    }

    /**
     * One client on the lifecycle and on the activity of each instance it may see, from activation
     * until the instance's own feed reports its end (so no timeout is cut off).
     */
    private final class Merged extends ClientSink {
        final LongPredicate sees;
        final Map<String, String> positions;

        Merged(SseClient client, LongPredicate sees, Map<String, String> positions) {
            super(client);
            this.sees = sees;
            this.positions = positions;
        }

        private String key(Channel channel) {
            return channel.instanceId == 0 ? "l" : Long.toString(channel.instanceId);
        }

        @Override
        public synchronized String position(Channel channel) {
            return positions.getOrDefault(key(channel), "0");
        }

        @Override
        public synchronized boolean accept(Channel channel, FeedEntry entry) {
            String key = key(channel);
            if (!positions.containsKey(key) || !newer(entry.id(), positions.get(key))) return positions.containsKey(key);
            positions.put(key, entry.id());
            if (channel.instanceId == 0) {
                String instance = Long.toString(entry.instanceId());
                if (entry.kind().equals("activated") && !positions.containsKey(instance) && sees.test(entry.instanceId())) {
                    positions.put(instance, "0");
                    followInstance(entry.instanceId());
                }
                if ((entry.kind().equals("ended") || entry.kind().equals("deleted")) && positions.containsKey(instance)) {
                    // The instance's feed is complete before its lifecycle says it ended: pass its
                    // last activity (the timeouts) on first, so the client sees them before the end.
                    Channel followed = channel(entry.instanceId());
                    synchronized (followed) {
                        readInto(followed);
                    }
                    positions.remove(instance);
                }
                send(entry);
                return true;
            }
            if (entry.kind().equals("ended")) {
                positions.remove(key);
                return false;
            }
            if (!entry.kind().equals("activated")) send(entry);
            return true;
        }

        /** Starts taking an instance's feed; called with the lifecycle channel's lock held, or at subscription. */
        void followInstance(long instanceId) {
            Channel instance = channel(instanceId);
            synchronized (instance) {
                try {
                    instance.join(this);
                } catch (RefusedException gone) {
                    positions.remove(Long.toString(instanceId));
                }
            }
        }

        /** One of its feeds is gone: it stops following that instance and goes on with the rest. */
        @Override
        public synchronized void feedGone(long instanceId) {
            positions.remove(Long.toString(instanceId));
        }

        private void send(FeedEntry entry) {
            String vector = positions.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(";"));
            client.sendEvent(entry.kind(), Json.toString(FeedView.of(entry)), vector);
        }
    }

    private void readLoop() {
        long lastBeat = System.nanoTime();
        while (running) {
            try {
                boolean beat = System.nanoTime() - lastBeat > HEARTBEAT_NANOS;
                if (beat) lastBeat = System.nanoTime();
                // Instances first, the lifecycle last: activity is passed on before the end that follows it.
                List<Channel> round = new ArrayList<>(channels.values());
                round.sort((a, b) -> Boolean.compare(a.instanceId == 0, b.instanceId == 0));
                for (Channel channel : round) {
                    synchronized (channel) {
                        channel.sinks.removeIf(sink -> {
                            boolean gone = sink.closed();
                            if (gone && channels.values().stream().noneMatch(c -> c != channel && c.sinks.contains(sink))) {
                                subscribers.decrementAndGet();
                            }
                            return gone;
                        });
                        if (channel.sinks.isEmpty()) {
                            channels.remove(channel.key, channel);
                            continue;
                        }
                        readInto(channel);
                        if (beat && channel.instanceId == 0) channel.sinks.forEach(Sink::heartbeat);
                        if (beat && channel.instanceId != 0) {
                            // Merged sinks already had theirs on the lifecycle channel: one heartbeat per client.
                            channel.sinks.stream().filter(s -> s instanceof Single).forEach(Sink::heartbeat);
                        }
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("Reading live feeds failed, retrying: {}", e.getMessage());
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void readInto(Channel channel) {
        List<FeedEntry> entries;
        try {
            entries = channel.read(channel.position == null ? "0" : channel.position);
        } catch (RefusedException deleted) {
            // The instance is gone: its own streams end (a stream left open would also hold up the
            // server's stop); merged streams just stop following it.
            channel.sinks.forEach(sink -> sink.feedGone(channel.instanceId));
            channel.sinks.clear();
            return;
        }
        for (FeedEntry entry : entries) {
            channel.sinks.removeIf(sink -> !sink.accept(channel, entry));
            channel.position = entry.id();
        }
    }

    /** Whether stream id {@code a} comes after {@code b} ("0" comes before all). */
    static boolean newer(String a, String b) {
        if (b == null || b.equals("0")) return !a.equals("0");
        if (a.equals("0")) return false;
        int da = a.indexOf('-'), db = b.indexOf('-');
        int ms = Long.compare(Long.parseLong(a.substring(0, da)), Long.parseLong(b.substring(0, db)));
        return ms != 0 ? ms > 0 : Long.parseLong(a.substring(da + 1)) > Long.parseLong(b.substring(db + 1));
    }

    /** Ends every stream now and goes on serving: clients reconnect with their last id and get what they missed. */
    void dropSubscribers() {
        for (Channel channel : channels.values()) {
            synchronized (channel) {
                channel.sinks.forEach(Sink::close);
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
        for (Channel channel : channels.values()) {
            synchronized (channel) {
                channel.sinks.forEach(Sink::close);
            }
        }
    }

    /** An entry as an SSE client receives it. */
    record FeedView(String kind, long instanceId, Long meetingId, Long userId, Long number, java.time.Instant at,
                    java.time.Instant from, java.time.Instant to, String text) {
        static FeedView of(FeedEntry e) {
            boolean lifecycle = e.at() == null;
            return new FeedView(e.kind(), e.instanceId(), e.meetingId(), e.userId() == 0 ? null : e.userId(),
                    e.number() == 0 ? null : e.number(), e.at(), lifecycle ? e.from() : null,
                    lifecycle ? e.to() : null, e.text());
        }
    }
}
