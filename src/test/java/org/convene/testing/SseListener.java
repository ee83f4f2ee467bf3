package org.convene.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** The lines of one SSE connection, collected as they arrive; for the stream tests. */
public class SseListener {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "sse-listener");
        thread.setDaemon(true);
        return thread;
    });

    /** Every line received so far, in order. */
    public final List<String> lines = new CopyOnWriteArrayList<>();
    /** Counted down when the server says the stream is subscribed. */
    public final CountDownLatch subscribed = new CountDownLatch(1);
    /** Counted down when the server ends the stream. */
    public final CountDownLatch ended = new CountDownLatch(1);
    /** The answer, complete once its headers arrived. */
    public final CompletableFuture<HttpResponse<Stream<String>>> response;

    /** Connects to {@code url} with a bearer token and, if not null, a {@code Last-Event-ID} header. */
    public SseListener(String url, String token, String lastEventId) {
        this(url, lastEventId, java.util.List.of("Authorization", "Bearer " + token));
    }

    /** Connects to {@code url} with these header name-value pairs (a session cookie, say) instead of a bearer token. */
    public static SseListener withHeaders(String url, String... headers) {
        return new SseListener(url, null, java.util.List.of(headers));
    }

    private SseListener(String url, String lastEventId, java.util.List<String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        for (int i = 0; i < headers.size(); i += 2) request.header(headers.get(i), headers.get(i + 1));
        if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
        response = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        // On a thread of its own: a caller waiting for the status must not end up reading the body.
        response.thenAcceptAsync(r -> {
            try {
                r.body().forEach(line -> {
                    lines.add(line);
                    if (line.startsWith(": subscribed")) subscribed.countDown();
                });
            } finally {
                ended.countDown();
            }
        }, READERS);
    }

    /** The names of the events received so far, in order. */
    public List<String> events() {
        return lines.stream().filter(l -> l.startsWith("event: ")).map(l -> l.substring(7)).toList();
    }

    /** Each event as "name instanceId", in the order received. */
    public List<String> eventsWithInstances() {
        List<String> result = new ArrayList<>();
        String name = null;
        for (String line : lines) {
            if (line.startsWith("event: ")) name = line.substring(7);
            if (line.startsWith("data: ") && name != null) {
                Matcher m = Pattern.compile("\"instanceId\":(\\d+)").matcher(line);
                result.add(name + " " + (m.find() ? m.group(1) : "?"));
                name = null;
            }
        }
        return result;
    }

    /** The ids of the events received so far, in order. */
    public List<String> ids() {
        return lines.stream().filter(l -> l.startsWith("id: ")).map(l -> l.substring(4).trim()).toList();
    }

    /** Waits up to {@code seconds} for at least {@code events} events; returns whether they came. */
    public boolean await(int events, long seconds) {
        return within(seconds, () -> events().size() >= events);
    }

    /** Waits up to {@code seconds} for a line containing {@code text}; returns whether it came. */
    public boolean awaitText(String text, long seconds) {
        return within(seconds, () -> sawText(text));
    }

    private static boolean within(long seconds, Callable<Boolean> condition) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(seconds))
                    .pollInterval(Duration.ofMillis(10)).until(condition);
            return true;
        } catch (ConditionTimeoutException late) {
            return false;
        }
    }

    /** Whether a line received so far contains {@code text}. */
    public boolean sawText(String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }

    /** The status of the answer, once its headers arrived. */
    public int status() throws Exception {
        return response.get(10, TimeUnit.SECONDS).statusCode();
    }

    /** Drops the connection from the client's side. */
    public void drop() {
        response.cancel(true);
        response.thenAccept(r -> r.body().close());
    }
}
