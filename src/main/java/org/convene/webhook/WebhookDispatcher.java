package org.convene.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.convene.webhook.port.Courier;
import org.convene.webhook.port.DeliveryQueue;
import org.convene.webhook.port.DeliveryQueue.Attempt;
import org.convene.webhook.port.DeliveryQueue.Outcome;
import org.convene.webhook.port.DeliveryQueue.Work;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers webhooks from this node. It looks for work every {@code poll}, and at once when this node writes
 * an outbox or a worker gives a lane back while lanes wait: it drains the outboxes announced since the last
 * look, takes as many due lanes as it has idle workers (and, now and then, any another node held too long),
 * and hands each to a worker. A worker signs and posts the lane's first delivery, records how it went (2xx
 * is delivered, 410 disables the endpoint, anything else, or no answer within the timeout, is tried again on
 * the {@link RetrySchedule}) and goes on with the lane's next delivery at once, up to {@link #TURNS} in a
 * row: an instance's events go one after another, in order, without waiting for the next look.
 *
 * <p>One endpoint's trouble must not delay another's: an endpoint whose last attempt here failed or took
 * more than a second is struggling, and has at most one lane in flight on this node; its other lanes are
 * left due for later rather than taken. Every node runs one; the store's consumer group shares the work.
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int MAX_DRAINS_PER_LOOK = 20;
    /** Deliveries of one lane a worker makes in a row before it gives the lane back (fairness between lanes). */
    static final int TURNS = 50;
    /** An endpoint slower than this at its last attempt here is struggling. */
    private static final long SLOW_MILLIS = 1_000;
    /** Lanes a struggling endpoint may have in flight on this node. */
    private static final int STRUGGLING_LANES = 1;
    /** How often work another node held too long is looked for, and the queue's depth read. */
    private static final Duration HOUSEKEEPING = Duration.ofSeconds(1);

    private final DeliveryQueue store;
    private final Courier courier;
    private final SecretBox box;
    private final Clock clock;
    private final WebhookSettings settings;
    private final DeliveryListener listener;
    private final String consumer;
    private final AtomicInteger busy = new AtomicInteger();
    private final Map<Long, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Set<Long> struggling = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile boolean saturated;
    private final ScheduledExecutorService ticks;
    private final ExecutorService workers;
    private volatile Instant nextSweep = Instant.MIN;
    private volatile long nextHousekeeping;
    private volatile boolean abandoned;
    private volatile boolean stopping;

    /** What a dispatcher tells of each attempt: for metrics. */
    public interface DeliveryListener {
        /** An attempt ended with {@code result}; {@code lag} is from the message's queueing to now. */
        void attempted(Outcome.Result result, Duration lag, long latencyMillis);

        /** Called after each look with the queue's depth, when it was read. */
        default void backlog(long depth) {
        }
    }

    /** A dispatcher named {@code consumer} in the consumer group (unique per node). */
    public WebhookDispatcher(DeliveryQueue store, Courier courier, SecretBox box, Clock clock, WebhookSettings settings,
                             DeliveryListener listener, String consumer) {
        this.store = store;
        this.courier = courier;
        this.box = box;
        this.clock = clock;
        this.settings = settings;
        this.listener = listener;
        this.consumer = consumer;
        this.ticks = Executors.newSingleThreadScheduledExecutor(daemon("convene-webhooks"));
        this.workers = Executors.newFixedThreadPool(settings.workers(), daemon("convene-webhook-worker"));
    }

    /** Starts looking for work every {@code poll}, and whenever this node writes an outbox. */
    public WebhookDispatcher start() {
        store.whenWritten(this::wake);
        ticks.scheduleWithFixedDelay(this::lookSafely, 0, settings.poll().toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Asks for a look now (on the dispatcher's thread), unless one is asked for already. */
    private void wake() {
        if (stopping || !wakePending.compareAndSet(false, true)) return;
        try {
            ticks.execute(() -> {
                wakePending.set(false);
                lookSafely();
            });
        } catch (RejectedExecutionException closed) {
            wakePending.set(false);
        }
    }

    private void lookSafely() {
        try {
            look();
        } catch (RuntimeException e) {
            LOG.warn("Webhook delivery could not look for work (tried again in {} ms): {}", settings.poll().toMillis(),
                    e.getMessage());
        }
    }

    /** One look: drain announced outboxes, sweep now and then, hand due work to idle workers. Public for tests. */
    public void look() {
        Instant now = clock.instant();
        if (!now.isBefore(nextSweep)) {
            store.sweepOutboxes();
            nextSweep = now.plus(settings.sweepEvery());
        }
        // Bounded, so that outboxes written faster than they drain cannot keep the workers waiting.
        for (int round = 0; round < MAX_DRAINS_PER_LOOK && store.drainOutboxes(now, settings.keep()) > 0; round++) {
            now = clock.instant();
        }
        int idle = settings.workers() - busy.get();
        if (idle <= 0) {
            saturated = true;
            return;
        }
        boolean housekeeping = System.nanoTime() - nextHousekeeping >= 0;
        if (housekeeping) nextHousekeeping = System.nanoTime() + HOUSEKEEPING.toNanos();
        List<Work> work = store.take(consumer, idle, clock.instant(), limits(), housekeeping, settings.claimAfter());
        saturated = work.size() >= idle;
        for (Work one : work) {
            busy.incrementAndGet();
            inFlight.computeIfAbsent(one.endpointId(), e -> new AtomicInteger()).incrementAndGet();
            workers.execute(() -> {
                try {
                    deliver(one);
                } catch (RuntimeException e) {
                    // Left pending in the consumer group: claimed again after claimAfter.
                    LOG.warn("A webhook delivery could not be recorded (retried after {} s): {}",
                            settings.claimAfter().toSeconds(), e.getMessage());
                } finally {
                    inFlight.get(one.endpointId()).decrementAndGet();
                    busy.decrementAndGet();
                    // Lanes were left waiting for a free worker, or for this endpoint's turn: take them now.
                    if (saturated || struggling.contains(one.endpointId())) wake();
                }
            });
        }
        if (housekeeping) listener.backlog(store.backlog());
    }

    /** How many more lanes each struggling endpoint may be handed: one in flight here at a time. */
    private Map<Long, Integer> limits() {
        Map<Long, Integer> limits = new HashMap<>();
        for (Long endpoint : struggling) {
            AtomicInteger count = inFlight.get(endpoint);
            limits.put(endpoint, STRUGGLING_LANES - (count == null ? 0 : count.get()));
        }
        return limits;
    }

    private void deliver(Work work) {
        Optional<Attempt> next = store.begin(work, clock.instant());
        for (int turn = 1; next.isPresent(); turn++) {
            Attempt attempt = next.get();
            Courier.Answer answer;
            try {
                answer = send(attempt);
            } catch (RuntimeException cannot) {
                // Such as a secret sealed under another node's key: an attempt that failed, on the schedule, not
                // work left pending to be claimed again and again.
                answer = new Courier.Answer(0, 0, "cannot send: " + cannot.getMessage());
            }
            Outcome outcome = outcome(answer, attempt.attempts() + 1, clock.instant());
            if (abandoned) return;
            boolean healthy = outcome.result() == Outcome.Result.OK && answer.latencyMillis() < SLOW_MILLIS;
            if (healthy) struggling.remove(work.endpointId());
            else struggling.add(work.endpointId());
            // A struggling endpoint's lane goes back after each attempt, so that its other lanes get their turn.
            boolean goOn = healthy && turn < TURNS && !stopping;
            next = store.record(work, attempt.deliveryId(), outcome, goOn, clock.instant());
            listener.attempted(outcome.result(), Duration.between(attempt.createdAt(), clock.instant()), answer.latencyMillis());
        }
    }

    private Courier.Answer send(Attempt attempt) {
        Instant sent = clock.instant();
        byte[] body = attempt.payload().getBytes(StandardCharsets.UTF_8);
        List<String> secrets = new ArrayList<>();
        secrets.add(box.open(attempt.sealedSecret()));
        if (attempt.sealedPrevious().isPresent() && sent.isBefore(attempt.previousUntil())) {
            secrets.add(box.open(attempt.sealedPrevious().get()));
        }
        long timestamp = sent.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", attempt.messageId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", Signatures.header(secrets, attempt.messageId(), timestamp, body));
        headers.put("Content-Type", "application/json");
        return courier.post(URI.create(attempt.url()), headers, body);
    }

    /** How an answer counts for the attempt numbered {@code attempt} (1 for the first). */
    static Outcome outcome(Courier.Answer answer, int attempt, Instant now) {
        if (answer.delivered()) return new Outcome(Outcome.Result.OK, answer.code(), answer.latencyMillis(), "", Optional.empty());
        if (answer.code() == 410) {
            return new Outcome(Outcome.Result.GONE, 410, answer.latencyMillis(), "410 Gone: endpoint disabled", Optional.empty());
        }
        String error = answer.error() == null || answer.error().isEmpty() ? "answered " + answer.code() : answer.error();
        Optional<Duration> wait = RetrySchedule.next(attempt, ThreadLocalRandom.current().nextDouble());
        if (wait.isEmpty()) return new Outcome(Outcome.Result.FAILED, answer.code(), answer.latencyMillis(), error, Optional.empty());
        return new Outcome(Outcome.Result.RETRY, answer.code(), answer.latencyMillis(), error, Optional.of(now.plus(wait.get())));
    }

    /** Stops looking, lets deliveries in flight finish (up to the timeout), then returns. */
    @Override
    public void close() {
        stopping = true;
        ticks.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(settings.timeout().toMillis() + 2_000, TimeUnit.MILLISECONDS)) workers.shutdownNow();
            ticks.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops at once without recording what is in flight, as a node that dies would: for tests of claiming. */
    public void abandon() {
        abandoned = true;
        stopping = true;
        ticks.shutdownNow();
        workers.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
