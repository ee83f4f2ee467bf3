package org.convene.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.convene.core.Convene;
import org.convene.core.Hosting;
import org.convene.model.Actor;
import org.convene.model.AdmitAll;
import org.convene.model.MeetingDetails;
import org.convene.model.MeetingOptions;
import org.convene.model.TimeWindow;
import org.convene.model.UserDetails;

/**
 * The lobby under load. First, admit-all of {@code waiters} people into {@code seats} seats (each round on an
 * occurrence of its own, everyone knocking first): how long the one step takes, and the Redis commands per person
 * admitted. Then, over HTTP, {@code arrivals} people knocking spread evenly over {@code spread} while
 * {@code hosts} hosts follow the instance's stream: how long each lobby_waiting entry takes to reach every host (from
 * the time the entry carries to its receipt), p50, p99 and max.
 */
public final class LobbyRun {
    private static final int ROUNDS = 3;
    private static final Pattern AT = Pattern.compile("\"at\":\"([^\"]+)\"");

    private LobbyRun() {}

    /** What the run measured. */
    public record Result(int waiters, int seats, List<Double> admitAllMs, double commandsPerAdmitted, int arrivals,
                         Duration spread, int hosts, long received, Histogram deliveryMs) {
        public String table() {
            List<Double> sorted = admitAllMs.stream().sorted().toList();
            return String.format(Locale.ROOT, "admit-all of %d waiters into %d seats, %d rounds: %s ms (median %.1f ms), "
                            + "%.1f Redis commands per person admitted%n"
                            + "%d people knocking over %d s, %d hosts following the instance's stream: %d lobby_waiting "
                            + "entries received (of %d)%n%-26s %8s %8s %8s%n%-26s %8d %8d %8d%n",
                    waiters, seats, ROUNDS, sorted.stream().map(ms -> String.format(Locale.ROOT, "%.1f", ms)).toList(),
                    sorted.get(sorted.size() / 2), commandsPerAdmitted, arrivals, spread.toSeconds(), hosts, received,
                    (long) arrivals * hosts, "delivery to hosts, ms", "p50", "p99", "max", "lobby_waiting",
                    deliveryMs.getValueAtPercentile(50), deliveryMs.getValueAtPercentile(99), deliveryMs.getMaxValue());
        }
    }

    /**
     * Runs both parts against {@code convene}, the second through the server at {@code url} with the administrator
     * {@code token}; {@code commands} reads the Redis commands run so far.
     */
    public static Result run(Convene convene, URI url, String token, LongSupplier commands, int waiters, int seats,
                             int arrivals, Duration spread, int hosts) throws Exception {
        List<Long> people = new ArrayList<>();
        for (int i = 0; i < Math.max(waiters, arrivals); i++) {
            people.add(convene.createUser(new UserDetails("Waiter " + i, 30, "", "waiter" + i + "@bench.example")).id());
        }
        List<Double> admitAllMs = new ArrayList<>();
        long admitted = 0;
        long spent = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long instance = occurrence(convene, "Admit-all " + round, seats);
            for (long person : people.subList(0, waiters)) convene.enter(person, instance);
            long before = commands.getAsLong();
            long start = System.nanoTime();
            AdmitAll all = convene.lobbies().admitAll(instance, Actor.ROOT, "bench");
            admitAllMs.add((System.nanoTime() - start) / 1e6);
            spent += commands.getAsLong() - before;
            admitted += all.admitted().size();
            if (all.admitted().size() != Math.min(seats, waiters)) {
                throw new IllegalStateException("admit-all admitted " + all.admitted().size() + ", not " + seats);
            }
        }
        long instance = occurrence(convene, "Arrivals", 0);
        Histogram delivery = new Histogram(TimeUnit.MINUTES.toMillis(5), 3);
        AtomicLong received = new AtomicLong();
        CountDownLatch all = new CountDownLatch(arrivals * hosts);
        List<CompletableFuture<HttpResponse<Stream<String>>>> streams = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        for (int h = 0; h < hosts; h++) {
            HttpRequest request = HttpRequest.newBuilder(url.resolve("/instances/" + instance + "/stream"))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build();
            CountDownLatch subscribed = new CountDownLatch(1);
            CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
            stream.thenAcceptAsync(response -> response.body().forEach(line -> {
                if (line.startsWith(": subscribed")) subscribed.countDown();
                if (line.startsWith("data: ") && line.contains("\"type\":\"lobby_waiting\"")) {
                    Matcher at = AT.matcher(line);
                    if (at.find()) {
                        long ms = System.currentTimeMillis() - Instant.parse(at.group(1)).toEpochMilli();
                        synchronized (delivery) {
                            delivery.recordValue(Math.max(0, ms));
                        }
                        received.incrementAndGet();
                        all.countDown();
                    }
                }
            }));
            streams.add(stream);
            if (!subscribed.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("a host's stream did not open");
        }
        long gapNanos = spread.toNanos() / Math.max(1, arrivals);
        long start = System.nanoTime();
        for (int i = 0; i < arrivals; i++) {
            long due = start + i * gapNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
            convene.enter(people.get(i), instance);
        }
        all.await(30, TimeUnit.SECONDS);
        streams.forEach(s -> s.cancel(true));
        return new Result(waiters, seats, admitAllMs, (double) spent / Math.max(1, admitted), arrivals, spread, hosts,
                received.get(), delivery);
    }

    /** A private meeting of nobody's audience whose lobby holds outsiders, with an occurrence active now. */
    private static long occurrence(Convene convene, String title, int seats) {
        long meeting = convene.createMeeting(new MeetingDetails(title, "", false, List.of(), seats,
                org.convene.model.Presence.OFF, 0)).id();
        convene.hosting().changeOptions(meeting, new Hosting.OptionChanges(null, null, null,
                MeetingOptions.LobbyPolicy.OUTSIDERS), Actor.ROOT, "bench");
        Instant now = convene.clock().instant();
        return convene.createInstance(meeting, new TimeWindow(now.minusSeconds(1), now.plus(Duration.ofHours(2)))).id();
    }
}
