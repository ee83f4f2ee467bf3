package org.convene.webhook;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One message sent (or to be sent) to one endpoint, as the delivery log shows it. A replay is a new
 * delivery of the same message, so it carries the same {@code messageId} (the {@code webhook-id}).
 */
public record Delivery(long id, long endpointId, String messageId, String type, long instanceId, DeliveryStatus status,
                       int attempts, OptionalInt lastCode, Optional<String> lastError, long latencyMillis,
                       Instant createdAt, Optional<Instant> lastAttemptAt, Optional<Instant> nextAttemptAt,
                       Optional<Instant> deliveredAt) {
}
