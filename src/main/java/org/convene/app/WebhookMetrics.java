package org.convene.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.convene.webhook.WebhookDispatcher;
import org.convene.webhook.port.DeliveryQueue.Outcome;

/**
 * Webhook delivery as metrics: attempts by outcome ({@code ok}, {@code retry}, {@code failed}, {@code gone}),
 * endpoints disabled (by a 410), the lag from a message's queueing to each attempt, the receivers' latency
 * and the queue's depth.
 */
final class WebhookMetrics implements WebhookDispatcher.DeliveryListener {
    private final Map<Outcome.Result, Counter> attempts = new EnumMap<>(Outcome.Result.class);
    private final Counter disabled;
    private final Timer lag;
    private final Timer latency;
    private final AtomicLong backlog = new AtomicLong();

    WebhookMetrics(MeterRegistry registry) {
        for (Outcome.Result result : Outcome.Result.values()) {
            attempts.put(result, Counter.builder("convene_webhook_attempts").description("Webhook delivery attempts by outcome")
                    .tag("outcome", result.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        disabled = Counter.builder("convene_webhook_endpoints_disabled")
                .description("Endpoints disabled because they answered 410 Gone").register(registry);
        lag = Timer.builder("convene_webhook_delivery_lag").description("From a message's queueing to an attempt at it")
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
                        Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1))
                .register(registry);
        latency = Timer.builder("convene_webhook_receiver_latency").description("How long receivers took to answer")
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(1),
                        Duration.ofSeconds(5), Duration.ofSeconds(10)).register(registry);
        Gauge.builder("convene_webhook_backlog", backlog, AtomicLong::get)
                .description("Lanes waiting for a worker or a retry, and work handed out but not finished").register(registry);
    }

    @Override
    public void attempted(Outcome.Result result, Duration lagged, long latencyMillis) {
        attempts.get(result).increment();
        if (result == Outcome.Result.GONE) disabled.increment();
        lag.record(lagged);
        latency.record(Duration.ofMillis(latencyMillis));
    }

    @Override
    public void backlog(long depth) {
        backlog.set(depth);
    }
}
