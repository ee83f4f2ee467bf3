package org.convene.http;

import io.javalin.http.sse.SseClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.convene.core.MeetingStore;
import org.convene.model.FeedEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves live feeds to any number of SSE subscribers with one reader thread and the shared Redis
 * connection: each feed with subscribers is read once per round and fanned out to all of them.
 *
 * <p>A subscriber first catches up from its {@code Last-Event-ID} (or the feed's start), under its
 * channel's lock, then joins the channel; each subscriber remembers the last id it was sent and is
 * never sent an entry twice, so a resumed stream gets exactly what it missed, in order.
 */
final class FeedHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedHub.class);
    private static final int BATCH = 500;
    private static final long POLL_MILLIS = 100;
    private static final long HEARTBEAT_NANOS = 15_000_000_000L;

    private final MeetingStore store;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final AtomicInteger subscribers = new AtomicInteger();
    private final Thread reader;
    private volatile boolean running = true;

    private static final class Channel {
        final Function<String, List<FeedEntry>> read;
        final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
        String position;

        Channel(Function<String, List<FeedEntry>> read) {
            this.read = read;
        }
    }

    private static final class Subscriber {
        final SseClient client;
        String sent;

        Subscriber(SseClient client, String sent) {
            this.client = client;
            this.sent = sent;
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

    /** Streams instance {@code instanceId}'s feed to {@code client} from after {@code lastEventId} ("0": the start). */
    void subscribeInstance(SseClient client, long instanceId, String lastEventId) {
        subscribe("instance:" + instanceId, after -> store.feed(instanceId, after, BATCH), client, lastEventId);
    }

    /** Streams the lifecycle of all instances to {@code client}. */
    void subscribeLifecycle(SseClient client, String lastEventId) {
        subscribe("lifecycle", after -> store.lifecycle(after, BATCH), client, lastEventId);
    }

    /** Returns {@code id} if it is a stream id a client may resume from ("0" or {@code <ms>-<seq>}), else refuses with 400. */
    static String resumeId(String id) {
        if (id == null || id.isBlank()) return "0";
        if (!id.equals("0") && !id.matches("\\d{1,19}-\\d{1,19}")) {
            throw HttpProblem.badRequest("Last-Event-ID must be a stream id such as 1700000000000-0");
        }
        return id;
    }

    private void subscribe(String key, Function<String, List<FeedEntry>> read, SseClient client, String lastEventId) {
        Channel channel = channels.computeIfAbsent(key, k -> new Channel(read));
        synchronized (channel) {
            Subscriber subscriber = new Subscriber(client, lastEventId);
            deliver(channel, subscriber, lastEventId);
            if (channel.position == null || newer(subscriber.sent, channel.position)) channel.position = subscriber.sent;
            channel.subscribers.add(subscriber);
            subscribers.incrementAndGet();
            client.onClose(() -> {
                if (channel.subscribers.remove(subscriber)) subscribers.decrementAndGet();
            });
        }
        client.sendComment("subscribed");
    }

    /** Sends one subscriber everything after {@code from}, to the end of the feed as it is now. */
    private static void deliver(Channel channel, Subscriber subscriber, String from) {
        for (List<FeedEntry> page = channel.read.apply(from); !page.isEmpty(); page = channel.read.apply(from)) {
            for (FeedEntry entry : page) send(subscriber, entry);
            from = page.get(page.size() - 1).id();
            if (page.size() < BATCH) break;
        }
    }

    private static void send(Subscriber subscriber, FeedEntry entry) {
        if (subscriber.sent != null && !newer(entry.id(), subscriber.sent)) return;
        subscriber.client.sendEvent(entry.kind(), Json.toString(FeedView.of(entry)), entry.id());
        subscriber.sent = entry.id();
    }

    private void readLoop() {
        long lastBeat = System.nanoTime();
        while (running) {
            try {
                boolean beat = System.nanoTime() - lastBeat > HEARTBEAT_NANOS;
                if (beat) lastBeat = System.nanoTime();
                for (Map.Entry<String, Channel> named : new ArrayList<>(channels.entrySet())) {
                    Channel channel = named.getValue();
                    synchronized (channel) {
                        channel.subscribers.removeIf(s -> {
                            boolean gone = s.client.terminated();
                            if (gone) subscribers.decrementAndGet();
                            return gone;
                        });
                        if (channel.subscribers.isEmpty()) {
                            channels.remove(named.getKey(), channel);
                            continue;
                        }
                        List<FeedEntry> entries = channel.read.apply(channel.position);
                        for (FeedEntry entry : entries) {
                            for (Subscriber subscriber : channel.subscribers) send(subscriber, entry);
                            channel.position = entry.id();
                        }
                        if (beat) channel.subscribers.forEach(s -> s.client.sendComment("heartbeat"));
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

    /** Whether stream id {@code a} comes after {@code b} ("0" comes before all). */
    static boolean newer(String a, String b) {
        if (b == null || b.equals("0")) return !a.equals("0");
        if (a.equals("0")) return false;
        int da = a.indexOf('-'), db = b.indexOf('-');
        int ms = Long.compare(Long.parseLong(a.substring(0, da)), Long.parseLong(b.substring(0, db)));
        return ms != 0 ? ms > 0 : Long.parseLong(a.substring(da + 1)) > Long.parseLong(b.substring(db + 1));
    }

    /** Closes every stream: clients see the end and reconnect elsewhere with their last id. */
    @Override
    public void close() {
        running = false;
        reader.interrupt();
        channels.values().forEach(channel -> {
            synchronized (channel) {
                channel.subscribers.forEach(s -> s.client.close());
            }
        });
    }

    /** An entry as an SSE client receives it. */
    record FeedView(String kind, long instanceId, Long meetingId, Long userId, Long number, java.time.Instant at,
                    java.time.Instant from, java.time.Instant to, String text) {
        static FeedView of(FeedEntry e) {
            boolean lifecycle = e.from() != null;
            return new FeedView(e.kind(), e.instanceId(), e.meetingId(), e.userId() == 0 ? null : e.userId(),
                    e.number() == 0 ? null : e.number(), e.at(), lifecycle ? e.from() : null,
                    lifecycle ? e.to() : null, e.text());
        }
    }
}
