package org.convene.store;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.convene.model.Refusal;
import org.convene.webhook.Delivery;
import org.convene.webhook.DeliveryStatus;
import org.convene.webhook.Endpoint;
import org.convene.webhook.EndpointDetails;
import org.convene.webhook.EventKind;
import org.convene.webhook.port.WebhookStore;
import org.convene.model.Acting;

/**
 * Webhook endpoints and their delivery log, under the {@code {hooks}} hash tag (the keys are described in
 * lua/hooks/_lib.lua); the queue between the meetings' outboxes and the workers is {@link WebhookQueue}.
 */
final class WebhookRecords implements WebhookStore {
    private static final Script SAVE = Script.load("hooks", "endpoint_save");
    private static final Script ROTATE = Script.load("hooks", "endpoint_rotate");
    private static final Script DELETE = Script.load("hooks", "endpoint_delete");
    private static final Script ENDPOINTS = Script.load("hooks", "endpoints").reading();
    private static final Script DELIVERIES = Script.load("hooks", "deliveries").reading();
    private static final Script REPLAY = Script.load("hooks", "replay");
    /** How far down the log one page looks for deliveries of the status asked for. */
    private static final int SCAN_BUDGET = 5_000;

    private final RedisCalls calls;

    WebhookRecords(RedisCalls calls) {
        this.calls = calls;
    }

    @Override
    public Endpoint createEndpoint(EndpointDetails details, String sealedSecret, Instant now, Acting acting) {
        List<String> args = new ArrayList<>(List.of("", RedisCalls.ms(now)));
        args.addAll(RedisCalls.actor(acting));
        args.addAll(fields(details));
        args.addAll(List.of("secret", sealedSecret));
        calls.webhookAdded();
        return endpoint(EndpointReply.of(calls.await(calls.audited(calls.inHooks(SAVE, args.toArray(String[]::new)), "hooks")))
                .endpoint());
    }

    @Override
    public Endpoint updateEndpoint(long id, EndpointDetails details, boolean enabled, Instant now, Acting acting) {
        List<String> args = new ArrayList<>(List.of(Long.toString(id), RedisCalls.ms(now)));
        args.addAll(RedisCalls.actor(acting));
        args.addAll(fields(details));
        args.addAll(List.of("enabled", enabled ? "1" : "0"));
        return endpoint(EndpointReply.of(calls.await(calls.audited(calls.inHooks(SAVE, args.toArray(String[]::new)), "hooks")))
                .endpoint());
    }

    @Override
    public Optional<Endpoint> endpoint(long id) {
        Map<String, String> h = calls.await(calls.commands.hgetall(Keys.HOOKS + ":endpoint:" + id).toCompletableFuture());
        return h.isEmpty() ? Optional.empty() : Optional.of(endpoint(h));
    }

    @Override
    public List<Endpoint> endpoints() {
        return HashesReply.of(calls.await(calls.inHooks(ENDPOINTS))).hashes().stream().map(WebhookRecords::endpoint).toList();
    }

    @Override
    public void deleteEndpoint(long id, Instant now, Acting acting) {
        List<String> args = new ArrayList<>(List.of(Long.toString(id), RedisCalls.ms(now)));
        args.addAll(RedisCalls.actor(acting));
        found(calls.await(calls.audited(calls.inHooks(DELETE, args.toArray(String[]::new)), "hooks")));
    }

    @Override
    public Endpoint rotateSecret(long id, String sealedSecret, Instant previousUntil, Instant now, Acting acting) {
        List<String> args = new ArrayList<>(List.of(Long.toString(id), sealedSecret, RedisCalls.ms(previousUntil),
                RedisCalls.ms(now)));
        args.addAll(RedisCalls.actor(acting));
        return endpoint(EndpointReply.of(calls.await(calls.audited(calls.inHooks(ROTATE, args.toArray(String[]::new)), "hooks")))
                .endpoint());
    }






    @Override
    public List<Delivery> deliveries(long endpointId, Optional<DeliveryStatus> status, OptionalLong before, int limit) {
        return HashesReply.of(found(calls.await(calls.inHooks(DELIVERIES, Long.toString(endpointId),
                before.isPresent() ? Long.toString(before.getAsLong()) : "", Integer.toString(limit),
                status.map(DeliveryStatus::wire).orElse(""), Integer.toString(SCAN_BUDGET), ""))))
                .hashes().stream().map(WebhookRecords::delivery).toList();
    }

    @Override
    public List<Delivery> deliveriesSince(long endpointId, Instant since, int max) {
        return HashesReply.of(found(calls.await(calls.inHooks(DELIVERIES, Long.toString(endpointId), "",
                Integer.toString(max), "", Integer.toString(max), RedisCalls.ms(since)))))
                .hashes().stream().map(WebhookRecords::delivery).toList();
    }

    @Override
    public List<Long> replay(long endpointId, List<Long> deliveryIds, Instant now, Duration keep) {
        List<String> args = new ArrayList<>(List.of(RedisCalls.ms(now), Long.toString(keep.toMillis()),
                Long.toString(endpointId)));
        deliveryIds.forEach(id -> args.add(Long.toString(id)));
        return ReplayReply.of(calls.await(calls.inHooks(REPLAY, args.toArray(String[]::new)))).deliveries();
    }


    /** The reply of a script on one endpoint, refusing with "Invalid webhook" where it found none. */
    private static Reply found(Reply reply) {
        if ("NOT_FOUND".equals(reply.status())) throw Refusal.INVALID_WEBHOOK.refuse();
        return reply.ok();
    }

    /** endpoint_save's and endpoint_rotate's answer: the endpoint's hash. */
    private record EndpointReply(Map<String, String> endpoint) {
        static EndpointReply of(Reply reply) {
            return new EndpointReply(found(reply).hash(1));
        }
    }

    /** endpoints' and deliveries' answer: one hash each (endpoints, or deliveries of one endpoint). */
    private record HashesReply(List<Map<String, String>> hashes) {
        static HashesReply of(Reply reply) {
            Reply ok = reply.ok();
            List<Map<String, String>> all = new ArrayList<>();
            for (int i = 1; i < ok.size(); i++) all.add(ok.hash(i));
            return new HashesReply(all);
        }
    }

    /** replay's answer: the new deliveries. */
    private record ReplayReply(List<Long> deliveries) {
        static ReplayReply of(Reply reply) {
            return new ReplayReply(found(reply).numbers(1));
        }
    }

    private static List<String> fields(EndpointDetails details) {
        String events = details.events().isEmpty() ? "*"
                : details.events().stream().map(EventKind::wire).collect(Collectors.joining(","));
        return List.of("url", details.url().toString(), "events", events, "description", details.description());
    }

    private static Endpoint endpoint(Map<String, String> h) {
        String events = h.getOrDefault("events", "*");
        Set<EventKind> kinds = events.equals("*") ? Set.of()
                : Arrays.stream(events.split(",")).map(EventKind::of).collect(Collectors.toSet());
        long previousUntil = Long.parseLong(h.getOrDefault("previousUntil", "0"));
        return new Endpoint(Long.parseLong(h.get("id")), new EndpointDetails(URI.create(h.get("url")), kinds,
                h.getOrDefault("description", "")), "1".equals(h.get("enabled")),
                Optional.ofNullable(h.get("disabledReason")), Replies.millis(h.get("createdAt")),
                Replies.millis(h.getOrDefault("updatedAt", h.get("createdAt"))),
                previousUntil > 0 ? Optional.of(Instant.ofEpochMilli(previousUntil)) : Optional.empty());
    }

    private static Delivery delivery(Map<String, String> h) {
        String code = h.getOrDefault("lastCode", "0");
        String error = h.getOrDefault("lastError", "");
        return new Delivery(Long.parseLong(h.get("id")), Long.parseLong(h.get("endpoint")), h.get("msg"),
                h.getOrDefault("type", ""), Long.parseLong(h.get("instance")), DeliveryStatus.of(h.get("status")),
                Integer.parseInt(h.getOrDefault("attempts", "0")),
                code.equals("0") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(code)),
                error.isEmpty() ? Optional.empty() : Optional.of(error), Long.parseLong(h.getOrDefault("latency", "0")),
                Replies.millis(h.get("created")), instant(h.get("lastAttemptAt")), instant(h.get("nextAttemptAt")),
                instant(h.get("deliveredAt")));
    }

    private static Optional<Instant> instant(String millis) {
        return millis == null || millis.isEmpty() || millis.equals("0") ? Optional.empty()
                : Optional.of(Replies.millis(millis));
    }
}
