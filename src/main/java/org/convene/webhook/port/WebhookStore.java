package org.convene.webhook.port;

import java.time.Duration;
import java.time.Instant;
import org.convene.model.Acting;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.convene.webhook.Delivery;
import org.convene.webhook.DeliveryStatus;
import org.convene.webhook.Endpoint;
import org.convene.webhook.EndpointDetails;

/**
 * What the administration of webhooks needs from storage: endpoints with their sealed secrets, the
 * delivery log, and replays ({@link DeliveryQueue} is the delivery side). Refusals are
 * {@link org.convene.model.RefusedException}s.
 */
public interface WebhookStore {

    Endpoint createEndpoint(EndpointDetails details, String sealedSecret, Instant now, Acting acting);

    /** Replaces an endpoint's details and whether it is enabled; enabling it makes its waiting deliveries due. */
    Endpoint updateEndpoint(long id, EndpointDetails details, boolean enabled, Instant now, Acting acting);

    Optional<Endpoint> endpoint(long id);

    List<Endpoint> endpoints();

    void deleteEndpoint(long id, Instant now, Acting acting);

    /** Gives the endpoint a new sealed secret; the one it replaces keeps signing until {@code previousUntil}. */
    Endpoint rotateSecret(long id, String sealedSecret, Instant previousUntil, Instant now, Acting acting);

    /** A page of an endpoint's delivery log, newest first, before delivery {@code before} if given. */
    List<Delivery> deliveries(long endpointId, Optional<DeliveryStatus> status, OptionalLong before, int limit);

    /** An endpoint's deliveries made at or after {@code since}, newest first, at most {@code max}. */
    List<Delivery> deliveriesSince(long endpointId, Instant since, int max);

    /** Queues the messages of these deliveries again (same message ids), returning the new deliveries' ids. */
    List<Long> replay(long endpointId, List<Long> deliveryIds, Instant now, Duration keep);
}
