package org.convene.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.convene.core.Convene;
import org.convene.http.ConveneServer;

/**
 * Live delivery under load: N subscribers receive chat posted at a steady rate; each message
 * carries the time it was posted, so each receipt gives a delivery latency. Nine in ten subscribers
 * follow an instance's stream (its participants), spread over the instances; nine in a hundred
 * follow {@code /stream?scope=lifecycle} (a console's list of meetings, sent nothing while only chat
 * happens); one in a hundred follows the whole {@code /stream}, every instance's activity. Then the
 * same with clients that stop reading, to show they cost only themselves. The subscribers run in
 * a process of their own ({@link FanoutClients}), never in the server's JVM.
 */
public final class FanoutRun {
    private static final Duration WARM_UP = Duration.ofSeconds(3);

    private FanoutRun() {}

    /** What one run measured; latencies in milliseconds. */
    public record Result(int subscribers, int stalled, long posts, long expected, long delivered, long missed,
                         double p50Ms, double p99Ms, double maxMs, GcWatch.Figures gc, long redisForks) {
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
        results.forEach(r -> out.append(String.format(Locale.ROOT, "During the run with %d stalled: %s; Redis forked %s%n",
                r.stalled(), r.gc().line(), r.redisForks() < 0 ? "(not told)" : r.redisForks() + " times")));
        return out.toString();
    }

    /**
     * Runs with {@code subscribers} readers, posting {@code perSecond} messages a second for
     * {@code duration} into {@code instances}, each by its poster (who must be inside it), once
     * with no stalled client and once with {@code stalled} of them.
     */
    public static List<Result> run(Convene convene, ConveneServer server, String token, LongSupplier forks, List<Long> instances,
                                   Map<Long, Long> posters, int subscribers, int stalled, int perSecond, Duration duration)
            throws Exception {
        List<Result> results = new ArrayList<>();
        URI url = URI.create(server.url());
        results.add(once(convene, url, token, forks, instances, posters, subscribers, 0, perSecond, duration));
        if (stalled > 0) {
            awaitClosed(server);
            results.add(once(convene, url, token, forks, instances, posters, subscribers, stalled, perSecond, duration));
        }
        return results;
    }

    /**
     * Waits until the server has let go of the last run's streams (it finds a departed client at
     * its next write, a heartbeat at the latest), so that the next run starts as the first did.
     */
    private static void awaitClosed(ConveneServer server) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (server.streamSubscribers() > 0 && System.nanoTime() < until) Thread.sleep(200);
    }

    /** What subscriber {@code i} follows: an instance's stream, the lifecycle, or everything. */
    private static String path(int i, List<Long> instances) {
        int kind = i % 100;
        if (kind == 99) return "/stream";
        if (kind >= 90) return "/stream?scope=lifecycle";
        return "/instances/" + instances.get(i % instances.size()) + "/stream";
    }

    private static Result once(Convene convene, URI server, String token, LongSupplier forks, List<Long> instances,
                               Map<Long, Long> posters, int subscribers, int stalled, int perSecond, Duration duration)
            throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        Process clients = OwnJvm.start(FanoutClients.class);
        try (PrintWriter to = new PrintWriter(new OutputStreamWriter(clients.getOutputStream(), StandardCharsets.UTF_8), true);
             BufferedReader from = new BufferedReader(new InputStreamReader(clients.getInputStream(), StandardCharsets.UTF_8))) {
            to.println(server.getHost() + " " + server.getPort() + " " + token + " " + run);
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < subscribers; i++) paths.add(path(i, instances));
            paths.forEach(to::println);
            for (int i = 0; i < stalled; i++) to.println("stall /instances/" + instances.get(i % instances.size()) + "/stream");
            to.println("go");
            String ready = answer(from, "subscribed", "failed");
            if (!"subscribed".equals(ready)) throw new IllegalStateException("fan-out subscribers: " + ready);
            // A few seconds at the same rate first, not counted (the readers look for this run's name
            // only): what is measured is the server warmed up, as in the other parts of the benchmark.
            post(convene, "warm-up", instances, posters, perSecond, WARM_UP);
            long posts;
            GcWatch.Figures gc;
            long forksBefore = forks.getAsLong();
            try (GcWatch watch = new GcWatch()) {
                posts = post(convene, run, instances, posters, perSecond, duration);
                gc = watch.figures();
            }
            long forked = forksBefore < 0 ? -1 : forks.getAsLong() - forksBefore;
            long expected = 0;
            for (String path : paths) {
                if (path.equals("/stream")) expected += posts;
                else if (path.startsWith("/instances/")) {
                    int index = instances.indexOf(Long.parseLong(path.split("/")[2]));
                    expected += posts / instances.size() + (index < posts % instances.size() ? 1 : 0);
                }
            }
            to.println("report " + expected + " 10000");
            String[] result = answer(from, "result").split(" ");
            long delivered = Long.parseLong(result[1]);
            return new Result(subscribers, stalled, posts, expected, delivered, expected - delivered,
                    Long.parseLong(result[2]) / 1000.0, Long.parseLong(result[3]) / 1000.0, Long.parseLong(result[4]) / 1000.0,
                    gc, forked);
        } finally {
            clients.destroy();
            clients.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The child's next line that starts with one of {@code words}; a JVM option may make it print others first. */
    private static String answer(BufferedReader from, String... words) throws IOException {
        for (String line = from.readLine(); line != null; line = from.readLine()) {
            for (String word : words) if (line.startsWith(word)) return line;
        }
        throw new IllegalStateException("the fan-out subscribers' process ended without answering");
    }

    /** Posts at a steady rate, round-robin over the instances; each text carries its run and when it was sent. */
    private static long post(Convene convene, String run, List<Long> instances, Map<Long, Long> posters, int perSecond,
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
}
