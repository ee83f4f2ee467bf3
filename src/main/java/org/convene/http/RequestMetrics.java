package org.convene.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.convene.core.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Per request: a latency histogram by route and status, and one log line (never a token). */
final class RequestMetrics {
    private static final Logger REQUESTS = LoggerFactory.getLogger("org.convene.http.requests");

    /**
     * Ten buckets from a millisecond to ten seconds: enough for the quantiles people chart, where
     * Micrometer's default histogram writes some seventy lines for every route and status.
     */
    private static final Duration[] BUCKETS = Stream.of(1, 2, 5, 10, 25, 50, 100, 250, 1000, 10_000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    private final MeterRegistry metrics;

    RequestMetrics(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    void record(Context ctx, Float ms) {
        String route;
        try {
            route = ctx.endpoint().path;
        } catch (NoSuchElementException unmatched) {
            route = "unmatched";
        }
        Timer.builder("convene_http_requests").description("HTTP requests by route and status, and how long they took")
                .tag("method", ctx.method().name()).tag("route", route)
                .tag("status", Integer.toString(ctx.status().getCode())).serviceLevelObjectives(BUCKETS)
                .register(metrics).record(Duration.ofNanos((long) (ms * 1_000_000)));
        if (!REQUESTS.isInfoEnabled()) return;
        Caller caller = Authentication.callerIfKnown(ctx);
        // A calendar feed's address is its credential: logged without it.
        String path = ctx.path().startsWith("/calendar/") ? "/calendar/***.ics" : ctx.path();
        REQUESTS.info("method={} path={} route={} status={} ms={} caller={}", ctx.method(), path, route,
                ctx.status().getCode(), String.format(Locale.ROOT, "%.1f", ms),
                caller == null ? "anonymous" : caller.logName());
    }
}
