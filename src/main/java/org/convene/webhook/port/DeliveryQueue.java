package org.convene.webhook.port;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * The delivery side of webhooks in storage: the meetings' outboxes (written in the same step as each
 * change) drained into deliveries, and deliveries handed to any node's workers through a consumer group,
 * so that work a dead node held is claimed by another.
 */
public interface DeliveryQueue {

    /**
     * Drains the outboxes of meetings written since the last drain into deliveries (kept for {@code keep});
     * returns how many outbox entries it read. Safe to run on every node at once.
     */
    int drainOutboxes(Instant now, Duration keep);

    /** Marks every meeting whose outbox holds anything as written: the sweep that covers a lost announcement. */
    void sweepOutboxes();

    /**
     * Hands lanes due at {@code now} to the workers, of an endpoint in {@code limits} no more lanes than its
     * limit there, and takes up to {@code max} for {@code consumer}: new ones first, then, when {@code claim},
     * any another consumer has held longer than {@code claimAfter} (it died).
     */
    List<Work> take(String consumer, int max, Instant now, Map<Long, Integer> limits, boolean claim, Duration claimAfter);

    /** Takes work as {@link #take(String, int, Instant, Map, boolean, Duration)} does, no endpoint limited. */
    default List<Work> take(String consumer, int max, Instant now, Duration claimAfter) {
        return take(consumer, max, now, Map.of(), true, claimAfter);
    }

    /** What to send for {@code work} (its lane's first delivery), or empty when there is nothing to send. */
    Optional<Attempt> begin(Work work, Instant now);

    /**
     * Records how the attempt at delivery {@code deliveryId} went. With {@code goOn}, returns the lane's next
     * delivery when there is one to send now, {@code work} staying the caller's; otherwise finishes {@code work}.
     */
    Optional<Attempt> record(Work work, long deliveryId, Outcome outcome, boolean goOn, Instant now);

    /** Records how an attempt went and finishes {@code work}. */
    default void record(Work work, long deliveryId, Outcome outcome, Instant now) {
        record(work, deliveryId, outcome, false, now);
    }

    /** Calls {@code wake} whenever this process writes a meeting's outbox, so that a dispatcher here can drain it at once. */
    void whenWritten(Runnable wake);

    /** Lanes waiting for a worker or a retry, and work handed out but not finished: the queue's depth. */
    long backlog();

    /** A lane handed to a worker: the work stream's entry id and the lane ("endpoint:instance"). */
    record Work(String entryId, String lane) {
        /** The endpoint the lane delivers to. */
        public long endpointId() {
            return Long.parseLong(lane.substring(0, lane.indexOf(':')));
        }
    }

    /** What to send: the delivery, where, the sealed secrets that sign it, the message and its history. */
    record Attempt(long deliveryId, String url, String sealedSecret, Optional<String> sealedPrevious,
                   Instant previousUntil, String messageId, String payload, int attempts, Instant createdAt) {
    }

    /** How an attempt went. */
    record Outcome(Result result, int code, long latencyMillis, String error, Optional<Instant> nextAttempt) {
        /** The four ways an attempt ends. */
        public enum Result { OK, RETRY, FAILED, GONE }
    }
}
