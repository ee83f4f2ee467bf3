package org.convene.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.convene.core.Convene;
import org.convene.courier.OkHttpCourier;
import org.convene.store.RedisStore;
import org.convene.webhook.Delivery;
import org.convene.webhook.DeliveryStatus;
import org.convene.webhook.Endpoint;
import org.convene.webhook.EndpointDetails;
import org.convene.webhook.SecretBox;
import org.convene.webhook.TargetGuard;
import org.convene.webhook.WebhookDispatcher;
import org.convene.webhook.WebhookSettings;
import org.convene.webhook.Webhooks;
import org.convene.webhook.port.DeliveryQueue;

/**
 * Webhook delivery under load: chat posts at a steady rate spread over many instances, each an event
 * for every endpoint, delivered by one node's dispatcher to a receiver in a process of its own
 * ({@link WebhookReceiver}). Three runs on one machine and one session, so that they compare: a
 * receiver that keeps its connections, one that closes each (HTTP/1.0), and the first again beside an
 * endpoint that answers in two seconds. For each endpoint: events a second, the lag from an event to
 * its arrival (p50, p99, max), attempts per delivery, and whether each instance's events arrived in order.
 */
final class WebhookRun {
    /** How long deliveries may take to drain after the load stops. */
    private static final Duration DRAIN = Duration.ofSeconds(30);

    /** One endpoint's figures in one run. */
    record Result(String run, String endpoint, long events, double perSecond, long p50Millis, long p99Millis,
                  long maxMillis, double attemptsPerDelivery, boolean inOrder, long arrivedInRun) {}

    private WebhookRun() {}

    /**
     * The three runs, {@code rate} posts a second over {@code instances} instances for {@code duration} after
     * {@code warmup}; {@code dispatcher} makes a node's dispatcher on the store's delivery queue.
     */
    static List<Result> run(Convene convene, RedisStore store, Function<DeliveryQueue, WebhookDispatcher> dispatcher,
                            int rate, int instances, Duration warmup, Duration duration) throws Exception {
        Process receiver = OwnJvm.start(WebhookReceiver.class, "keep_alive", "closing", "slow");
        try {
            Arrivals arrivals = new Arrivals(receiver);
            List<Result> results = new ArrayList<>();
            results.addAll(one("keep-alive receiver", Map.of("keep-alive", "keep_alive"), convene, store, dispatcher,
                    arrivals, rate, instances, warmup, duration));
            results.addAll(one("closing receiver", Map.of("closing", "closing"), convene, store, dispatcher, arrivals,
                    rate, instances, warmup, duration));
            Map<String, String> both = new LinkedHashMap<>();
            both.put("keep-alive", "keep_alive");
            both.put("slow (2 s)", "slow");
            results.addAll(one("keep-alive beside a slow endpoint", both, convene, store, dispatcher, arrivals, rate,
                    instances, warmup, duration));
            return results;
        } finally {
            receiver.destroy();
            receiver.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static List<Result> one(String name, Map<String, String> endpoints, Convene convene, RedisStore store,
                                    Function<DeliveryQueue, WebhookDispatcher> dispatcher, Arrivals arrivals, int rate,
                                    int instances, Duration warmup, Duration duration) throws Exception {
        store.maintenance().wipe();
        arrivals.clear();
        Webhooks webhooks = new Webhooks(store.webhooks(), new SecretBox(new byte[32]), new TargetGuard(true),
                Clock.systemUTC(), Duration.ofDays(1));
        Map<String, Endpoint> made = new LinkedHashMap<>();
        endpoints.forEach((label, kind) -> made.put(label, webhooks.create(new EndpointDetails(
                URI.create(arrivals.url(kind)), Set.of(), label)).endpoint()));
        Population population = Population.plan(new BenchSettings(Math.max(2, instances), instances, 0, 1,
                duration, 1, warmup)).writeTo(convene);
        List<long[]> posters = new ArrayList<>();
        for (int m = 0; m < population.instances.size(); m++) {
            long instance = population.instances.get(m);
            long user = population.admitted.get(m).get(0);
            convene.join(user, instance);
            posters.add(new long[] {instance, user});
        }
        try (WebhookDispatcher running = dispatcher.apply(store.deliveries()).start()) {
            long from = System.currentTimeMillis() + warmup.toMillis();
            long to = from + duration.toMillis();
            long posted = post(convene, posters, rate, to, from);
            long deadline = System.currentTimeMillis() + DRAIN.toMillis();
            while (System.currentTimeMillis() < deadline && arrivals.count(endpoints.values().iterator().next(), from, to) < posted) {
                Thread.sleep(100);
            }
            List<Result> results = new ArrayList<>();
            for (Map.Entry<String, Endpoint> e : made.entrySet()) {
                String kind = endpoints.get(e.getKey());
                results.add(arrivals.result(name, e.getKey(), kind, from, to, attemptsPerDelivery(store, e.getValue())));
            }
            return results;
        }
    }

    /** Posts {@code rate} messages a second, round-robin over the instances, until {@code to}; returns how many in [from, to). */
    private static long post(Convene convene, List<long[]> posters, int rate, long to, long from) throws InterruptedException {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        AtomicLong inWindow = new AtomicLong();
        try {
            long start = System.nanoTime();
            long sent = 0;
            while (System.currentTimeMillis() < to) {
                long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
                for (; sent < due; sent++) {
                    long[] poster = posters.get((int) (sent % posters.size()));
                    senders.execute(() -> {
                        convene.post(poster[1], poster[0], Population.MESSAGE);
                        long now = System.currentTimeMillis();
                        if (now >= from && now < to) inWindow.incrementAndGet();
                    });
                }
                Thread.sleep(2);
            }
        } finally {
            senders.shutdown();
            senders.awaitTermination(30, TimeUnit.SECONDS);
        }
        return inWindow.get();
    }

    /** Attempts per delivered message, from the endpoint's delivery log. */
    private static double attemptsPerDelivery(RedisStore store, Endpoint endpoint) {
        long attempts = 0;
        long delivered = 0;
        OptionalLong before = OptionalLong.empty();
        while (true) {
            List<Delivery> page = store.webhooks().deliveries(endpoint.id(), Optional.of(DeliveryStatus.DELIVERED), before, 1000);
            if (page.isEmpty()) break;
            for (Delivery d : page) {
                attempts += d.attempts();
                delivered++;
            }
            before = OptionalLong.of(page.get(page.size() - 1).id());
        }
        return delivered == 0 ? 0 : (double) attempts / delivered;
    }

    /** A dispatcher as a node makes one by default (8 workers, a look every 200 ms), allowed to reach loopback. */
    static WebhookDispatcher dispatcher(DeliveryQueue queue) {
        Duration timeout = Duration.ofSeconds(10);
        WebhookSettings settings = WebhookSettings.defaults(true, 8, Duration.ofMillis(200), 1);
        return new WebhookDispatcher(queue, new OkHttpCourier(new TargetGuard(true), timeout, settings.maxAnswerBytes()),
                new SecretBox(new byte[32]), Clock.systemUTC(), settings, (result, lag, latency) -> { }, "bench");
    }

    /** What the receiver process reports, line by line, kept per receiver kind. */
    private static final class Arrivals {
        private final Map<String, Integer> ports = new ConcurrentHashMap<>();
        private final Map<String, List<WebhookReceiver.Received>> byKind = new ConcurrentHashMap<>();

        Arrivals(Process receiver) throws IOException, InterruptedException {
            BufferedReader lines = new BufferedReader(new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8));
            while (ports.size() < 3) {
                String line = lines.readLine();
                if (line == null) throw new IOException("the webhook receiver ended before it was ready");
                String[] f = line.split(" ");
                if (f[0].equals("ready")) ports.put(f[1], Integer.parseInt(f[2]));
            }
            Thread reader = new Thread(() -> {
                try {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        WebhookReceiver.Received r = WebhookReceiver.Received.parse(line);
                        byKind.computeIfAbsent(r.kind().name().toLowerCase(Locale.ROOT),
                                k -> Collections.synchronizedList(new ArrayList<>())).add(r);
                    }
                } catch (IOException ended) {
                    // the receiver was stopped
                }
            }, "webhook-receiver-reader");
            reader.setDaemon(true);
            reader.start();
        }

        String url(String kind) {
            return "http://127.0.0.1:" + ports.get(kind) + "/" + kind;
        }

        void clear() {
            byKind.clear();
        }

        private List<WebhookReceiver.Received> of(String kind) {
            List<WebhookReceiver.Received> all = byKind.getOrDefault(kind, List.of());
            synchronized (all) {
                return new ArrayList<>(all);
            }
        }

        /** Distinct messages of events in [from, to) that reached {@code kind}. */
        long count(String kind, long from, long to) {
            return of(kind).stream().filter(r -> r.eventMillis() >= from && r.eventMillis() < to)
                    .map(WebhookReceiver.Received::messageId).distinct().count();
        }

        Result result(String run, String endpoint, String kind, long from, long to, double attempts) {
            Histogram lag = new Histogram(3_600_000L, 3);
            Map<Long, Long> lastSequence = new HashMap<>();
            Set<String> seen = ConcurrentHashMap.newKeySet();
            boolean inOrder = true;
            long events = 0;
            for (WebhookReceiver.Received r : of(kind)) {
                if (!seen.add(r.messageId())) continue;
                Long last = lastSequence.put(r.instanceId(), r.sequence());
                if (last != null && last > r.sequence()) inOrder = false;
                if (r.eventMillis() < from || r.eventMillis() >= to) continue;
                events++;
                lag.recordValue(Math.max(0, r.arrivedMillis() - r.eventMillis()));
            }
            double seconds = (to - from) / 1000.0;
            return new Result(run, endpoint, events, events / seconds, lag.getValueAtPercentile(50),
                    lag.getValueAtPercentile(99), lag.getMaxValue(), attempts, inOrder, seen.size());
        }
    }

    /** The runs as a table. */
    static String table(List<Result> results) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-36s %-12s %8s %9s %8s %8s %8s %9s %6s%n",
                "run", "endpoint", "events", "events/s", "lag p50", "lag p99", "lag max", "attempts", "order"));
        for (Result r : results) {
            table.append(String.format(Locale.ROOT, "%-36s %-12s %8d %9.1f %6d ms %6d ms %6d ms %9.2f %6s%n", r.run(),
                    r.endpoint(), r.events(), r.perSecond(), r.p50Millis(), r.p99Millis(), r.maxMillis(),
                    r.attemptsPerDelivery(), r.inOrder() ? "kept" : "BROKEN"));
        }
        results.stream().filter(r -> r.endpoint().startsWith("slow")).forEach(r -> table.append(String.format(Locale.ROOT,
                "The slow endpoint, one lane in flight at a time while it struggles, took %d messages in the run; the rest "
                        + "wait for it and hold nobody else up.%n", r.arrivedInRun())));
        Result alone = results.stream().filter(r -> r.run().startsWith("keep-alive receiver")).findFirst().orElse(null);
        Result beside = results.stream().filter(r -> r.run().startsWith("keep-alive beside") && r.endpoint().equals("keep-alive"))
                .findFirst().orElse(null);
        if (alone != null && beside != null && alone.p99Millis() > 0) {
            table.append(String.format(Locale.ROOT, "A slow endpoint beside it left the keep-alive endpoint's p99 at %.2f "
                    + "times its p99 alone.%n", (double) beside.p99Millis() / alone.p99Millis()));
        }
        return table.toString();
    }
}
