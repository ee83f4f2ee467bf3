package org.convene.view;

import java.time.Instant;
import java.util.List;
import org.convene.webhook.Delivery;
import org.convene.webhook.Endpoint;
import org.convene.webhook.EventKind;
import org.convene.webhook.Webhooks;

/** Webhook endpoints and deliveries as the API and the command line show them. */
public final class WebhookViews {
    private WebhookViews() {}

    /** An endpoint; {@code events} is {@code ["*"]} when it wants every event. Its secret is never shown here. */
    public record EndpointView(long id, String url, List<String> events, String description, boolean enabled,
                               String disabledReason, Instant createdAt, Instant updatedAt, Instant previousSecretUntil) {
        public static EndpointView of(Endpoint e) {
            List<String> events = e.details().events().isEmpty() ? List.of("*")
                    : e.details().events().stream().map(EventKind::wire).sorted().toList();
            return new EndpointView(e.id(), e.details().url().toString(), events, e.details().description(), e.enabled(),
                    e.disabledReason().orElse(null), e.createdAt(), e.updatedAt(), e.previousSecretUntil().orElse(null));
        }
    }

    /** An endpoint with its signing secret in the clear: the answer to a creation or a rotation, shown once. */
    public record WithSecretView(EndpointView endpoint, String secret) {
        public static WithSecretView of(Webhooks.WithSecret made) {
            return new WithSecretView(EndpointView.of(made.endpoint()), made.secret());
        }
    }

    /** One delivery in the log. */
    public record DeliveryView(long id, long endpointId, String messageId, String type, long instanceId, String status,
                               int attempts, Integer lastCode, String lastError, long latencyMillis, Instant createdAt,
                               Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt) {
        public static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id(), d.endpointId(), d.messageId(), d.type(), d.instanceId(), d.status().wire(),
                    d.attempts(), d.lastCode().isPresent() ? d.lastCode().getAsInt() : null, d.lastError().orElse(null),
                    d.latencyMillis(), d.createdAt(), d.lastAttemptAt().orElse(null), d.nextAttemptAt().orElse(null),
                    d.deliveredAt().orElse(null));
        }
    }

    /** How many messages a "replay since" queued again. */
    public record ReplayedView(int replayed) {
    }
}
