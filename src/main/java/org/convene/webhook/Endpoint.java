package org.convene.webhook;

import java.time.Instant;
import java.util.Optional;

/**
 * A webhook endpoint as stored: its details, whether deliveries to it go out (an endpoint that answers
 * 410 Gone is disabled, with the reason), and until when a rotated-out secret still signs beside the new one.
 */
public record Endpoint(long id, EndpointDetails details, boolean enabled, Optional<String> disabledReason,
                       Instant createdAt, Instant updatedAt, Optional<Instant> previousSecretUntil) {
}
