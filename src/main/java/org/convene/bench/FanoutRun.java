package org.convene.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.convene.core.Convene;

/**
 * Live delivery under load: N subscribers, nine in ten on instance streams spread over the
 * instances and one in ten on the stream of everything, receive chat posted at a steady rate; each
 * message carries the time it was posted, so each receipt gives a delivery latency. Then the same
 * with clients that stop reading (real sockets that never read), to show they cost only themselves.
 * Subscribers run in the benchmark's JVM on the JDK's asynchronous client (no thread each).
 */
public final class FanoutRun {
    private FanoutRun() {}

    /** What one run measured; latencies in milliseconds. */
    public record Result(int subscribers, int stalled, long posts, long expected, long delivered, long missed,
                         double p50Ms, double p99Ms, double maxMs) {
        String row() {
            return String.format(Locale.ROOT, "%11d %8d %7d %10d %10d %7d %8.1f %8.1f %8.1f%n", subscribers, stalled, posts,
                    expected, delivered, missed, p50Ms, p99Ms, maxMs);
        }
    }

    /** The results as a table. */
    public static String table(List<Result> results) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%11s %8s %7s %10s %10s %7s %8s %8s %8s%n",
                "subscribers", "stalled", "posts", "expected", "delivered", "missed", "p50 ms", "p99 ms", "max ms"));
        results.forEach(r -> out.append(r.row()));
        return out.toString();
    }

    /**
     * Runs with {@code subscribers} readers, posting {@code perSecond} messages a second for
     * {@code duration} into {@code instances}, each by its poster (who must be inside it), once
     * with no stalled client and once with {@code stalled} of them.
     */
    public static List<Result> run(Convene convene, URI server, String token, List<Long> instances, java.util.Map<Long, Long> posters,
                                   int subscribers, int stalled, int perSecond, Duration duration) throws Exception {
        List<Result> results = new ArrayList<>();
        results.add(once(convene, server, token, instances, posters, subscribers, 0, perSecond, duration));
        if (stalled > 0) results.add(once(convene, server, token, instances, posters, subscribers, stalled, perSecond, duration));
        return results;
    }

    private static Result once(Convene convene, URI server, String token, List<Long> instances, java.util.Map<Long, Long> posters,
                               int subscribers, int stalled, int perSecond, Duration duration) throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
        ConcurrentHistogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);
        AtomicLong delivered = new AtomicLong();
        CountDownLatch subscribed = new CountDownLatch(subscribers);
        List<Reader> readers = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            boolean everything = i % 10 == 9;
            long instance = instances.get(i % instances.size());
            Reader reader = new Reader(run, everything ? 0 : instance, latency, delivered, subscribed);
            readers.add(reader);
            HttpRequest request = HttpRequest.newBuilder(server.resolve(everything ? "/stream" : "/instances/" + instance + "/stream"))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build();
            reader.response = client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(reader));
        }
        List<Socket> stalledSockets = new ArrayList<>();
        try {
            for (int i = 0; i < stalled; i++) stalledSockets.add(stall(server, token, instances.get(i % instances.size())));
            if (!subscribed.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException((subscribed.getCount()) + " subscribers never got their stream");
            }
            long posts = post(convene, run, instances, posters, perSecond, duration);
            long expected = 0;
            for (Reader reader : readers) expected += reader.instance == 0 ? posts : posts / instances.size()
                    + (instances.indexOf(reader.instance) < posts % instances.size() ? 1 : 0);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (delivered.get() < expected && System.nanoTime() < until) Thread.sleep(50);
            Histogram h = latency.copy();
            return new Result(subscribers, stalled, posts, expected, delivered.get(), expected - delivered.get(),
                    h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
        } finally {
            readers.forEach(r -> r.response.cancel(true));
            readers.forEach(Reader::cancel);
            for (Socket s : stalledSockets) s.close();
        }
    }

    /** Posts at a steady rate, round-robin over the instances; each text carries its run and when it was sent. */
    private static long post(Convene convene, String run, List<Long> instances, java.util.Map<Long, Long> posters, int perSecond,
                             Duration duration) throws InterruptedException {
        long start = System.nanoTime();
        long total = perSecond * duration.toSeconds();
        for (long n = 0; n < total; n++) {
            long due = start + n * 1_000_000_000L / perSecond;
            long wait = due - System.nanoTime();
            if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
            long instance = instances.get((int) (n % instances.size()));
            convene.post(posters.get(instance), instance, "fanout " + run + " " + n + " " + System.nanoTime());
        }
        return total;
    }

    /** A client that asks for a stream and never reads a byte of it. */
    private static Socket stall(URI server, String token, long instance) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 20_000);
        socket.getOutputStream().write(("GET /instances/" + instance + "/stream HTTP/1.1\r\nHost: x\r\nAccept: "
                + "text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    /** One subscriber: counts each message of this run once, and how long it took to arrive. */
    private static final class Reader implements Flow.Subscriber<String> {
        final String run;
        final long instance;
        final ConcurrentHistogram latency;
        final AtomicLong delivered;
        final CountDownLatch subscribed;
        final Set<String> seen = ConcurrentHashMap.newKeySet();
        java.util.concurrent.CompletableFuture<HttpResponse<Void>> response;
        private Flow.Subscription subscription;

        Reader(String run, long instance, ConcurrentHistogram latency, AtomicLong delivered, CountDownLatch subscribed) {
            this.run = run;
            this.instance = instance;
            this.latency = latency;
            this.delivered = delivered;
            this.subscribed = subscribed;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith(": subscribed")) {
                subscribed.countDown();
                return;
            }
            int at = line.indexOf("fanout " + run + " ");
            if (!line.startsWith("data: ") || at < 0) return;
            long now = System.nanoTime();
            String[] words = line.substring(at).split("[ \"]");
            if (words.length < 4 || !seen.add(words[2])) return;
            delivered.incrementAndGet();
            latency.recordValue(Math.max(0, (now - Long.parseLong(words[3])) / 1_000));
        }

        void cancel() {
            if (subscription != null) subscription.cancel();
        }

        @Override
        public void onError(Throwable throwable) {
            // the run ended, or the server cut the stream: what was delivered is counted
        }

        @Override
        public void onComplete() {
            // as above
        }
    }
}
