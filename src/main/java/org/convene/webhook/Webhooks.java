package org.convene.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.convene.model.Acting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.convene.model.Refusal;
import org.convene.webhook.port.WebhookStore;

/**
 * The administration of webhooks: endpoints (each target checked by the {@link TargetGuard} when it is
 * set), their secrets (made here, shown once, stored sealed), the delivery log and replays. Only the
 * administrator reaches it; the routes and the command line say so.
 */
public final class Webhooks {
    /** How long a rotated-out secret keeps signing beside the new one. */
    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
    /** The most deliveries one "replay since" sends again. */
    public static final int MAX_REPLAY = 10_000;

    private final WebhookStore store;
    private final SecretBox box;
    private final TargetGuard guard;
    private final Clock clock;
    private final Duration keep;

    public Webhooks(WebhookStore store, SecretBox box, TargetGuard guard, Clock clock, Duration keep) {
        this.store = store;
        this.box = box;
        this.guard = guard;
        this.clock = clock;
        this.keep = keep;
    }

    /** An endpoint just made or given a new secret, with the secret in the clear: shown this once. */
    public record WithSecret(Endpoint endpoint, String secret) {
    }

    /** What a change of an endpoint sets; what is empty stays as it is. */
    public record Change(Optional<URI> url, Optional<Set<EventKind>> events, Optional<String> description,
                         Optional<Boolean> enabled) {
    }

    /** Makes an endpoint with a new secret as root (the command line), refusing a target inside the network. */
    public WithSecret create(EndpointDetails details) {
        return create(details, Acting.ROOT);
    }

    /** Makes an endpoint with a new secret on behalf of {@code acting}, recorded in the same step. */
    public WithSecret create(EndpointDetails details, Acting acting) {
        guard.refuseIfInside(details.url().getHost());
        String secret = Signatures.newSecret();
        return new WithSecret(store.createEndpoint(details, box.seal(secret), clock.instant(), acting), secret);
    }

    public List<Endpoint> endpoints() {
        return store.endpoints();
    }

    /** The endpoint, refusing with "Invalid webhook endpoint ID" when there is none. */
    public Endpoint endpoint(long id) {
        return store.endpoint(id).orElseThrow(Refusal.INVALID_WEBHOOK::refuse);
    }

    /** Changes what {@code change} names on behalf of {@code acting}, recorded; a new target is checked like a new one's. */
    public Endpoint update(long id, Change change, Acting acting) {
        Endpoint current = endpoint(id);
        EndpointDetails details = new EndpointDetails(change.url().orElse(current.details().url()),
                change.events().orElse(current.details().events()),
                change.description().orElse(current.details().description()));
        if (change.url().isPresent()) guard.refuseIfInside(details.url().getHost());
        return store.updateEndpoint(id, details, change.enabled().orElse(current.enabled()), clock.instant(), acting);
    }

    /** Deletes an endpoint as root (the command line). */
    public void delete(long id) {
        delete(id, Acting.ROOT);
    }

    /** Deletes an endpoint on behalf of {@code acting}, recorded in the same step. */
    public void delete(long id, Acting acting) {
        store.deleteEndpoint(id, clock.instant(), acting);
    }

    /**
     * Gives the endpoint a new secret on behalf of {@code acting}, recorded (never the secret); the old one keeps
     * signing beside it for {@link #ROTATION_OVERLAP}.
     */
    public WithSecret rotateSecret(long id, Acting acting) {
        String secret = Signatures.newSecret();
        Instant now = clock.instant();
        return new WithSecret(store.rotateSecret(id, box.seal(secret), now.plus(ROTATION_OVERLAP), now, acting), secret);
    }

    /** A page of the endpoint's delivery log, newest first. */
    public List<Delivery> deliveries(long id, Optional<DeliveryStatus> status, OptionalLong before, int limit) {
        return store.deliveries(id, status, before, limit);
    }

    /** Sends one delivery's message again, with the same webhook-id; returns the new delivery. */
    public Delivery replay(long id, long deliveryId) {
        List<Long> made = store.replay(id, List.of(deliveryId), clock.instant(), keep);
        if (made.isEmpty()) throw Refusal.INVALID_DELIVERY.refuse();
        return store.deliveries(id, Optional.empty(), OptionalLong.empty(), 50).stream()
                .filter(d -> d.id() == made.get(0)).findFirst().orElseThrow(Refusal.INVALID_DELIVERY::refuse);
    }

    /**
     * Sends again, oldest first, each message sent to the endpoint since {@code since} (once, however many
     * deliveries it had; at most {@link #MAX_REPLAY}); returns how many.
     */
    public int replaySince(long id, Instant since) {
        endpoint(id);
        Map<String, Long> firstOfEach = new LinkedHashMap<>();
        List<Delivery> newestFirst = store.deliveriesSince(id, since, MAX_REPLAY);
        for (int i = newestFirst.size() - 1; i >= 0; i--) firstOfEach.putIfAbsent(newestFirst.get(i).messageId(), newestFirst.get(i).id());
        List<Long> ids = List.copyOf(firstOfEach.values());
        int made = 0;
        for (int from = 0; from < ids.size(); from += 500) {
            made += store.replay(id, ids.subList(from, Math.min(ids.size(), from + 500)), clock.instant(), keep).size();
        }
        return made;
    }
}
