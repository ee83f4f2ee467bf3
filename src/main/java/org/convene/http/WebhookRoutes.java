package org.convene.http;

import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.convene.view.WebhookViews;
import org.convene.webhook.DeliveryStatus;
import org.convene.webhook.EndpointDetails;
import org.convene.webhook.EventKind;
import org.convene.webhook.Webhooks;

/** {@code /webhooks}: the administrator's endpoints, their secrets, delivery log and replays. */
final class WebhookRoutes {
    private final Webhooks webhooks;

    WebhookRoutes(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    void register(RouteTable routes) {
        routes.post("/webhooks", Role.ADMIN, this::create);
        routes.get("/webhooks", Role.ADMIN, ctx -> ctx.json(webhooks.endpoints().stream()
                .map(WebhookViews.EndpointView::of).toList()));
        routes.get("/webhooks/{id}", Role.ADMIN, ctx -> ctx.json(WebhookViews.EndpointView.of(
                webhooks.endpoint(Params.id(ctx, "id")))));
        routes.patch("/webhooks/{id}", Role.ADMIN, this::update);
        routes.delete("/webhooks/{id}", Role.ADMIN, ctx -> {
            webhooks.delete(Params.id(ctx, "id"), UserRoutes.acting(ctx));
            ctx.status(204);
        });
        routes.post("/webhooks/{id}/secret", Role.ADMIN, ctx -> ctx.header("Cache-Control", "no-store")
                .json(WebhookViews.WithSecretView.of(webhooks.rotateSecret(Params.id(ctx, "id"), UserRoutes.acting(ctx)))));
        routes.get("/webhooks/{id}/deliveries", Role.ADMIN, this::deliveries);
        routes.post("/webhooks/{id}/deliveries/{deliveryId}/replay", Role.ADMIN, ctx -> ctx.status(202)
                .json(WebhookViews.DeliveryView.of(webhooks.replay(Params.id(ctx, "id"), Params.id(ctx, "deliveryId")))));
        routes.post("/webhooks/{id}/replay", Role.ADMIN, ctx -> {
            ReplayBody body = Bodies.read(ctx.bodyAsBytes(), ReplayBody.class);
            ctx.status(202).json(new WebhookViews.ReplayedView(webhooks.replaySince(Params.id(ctx, "id"),
                    Bodies.time("since", body.since()))));
        });
    }

    private void create(Context ctx) {
        EndpointBody body = Bodies.read(ctx.bodyAsBytes(), EndpointBody.class);
        if (body.enabled() != null) throw HttpProblem.badRequest("Field 'enabled' can only be changed (PATCH)");
        Webhooks.WithSecret made = webhooks.create(new EndpointDetails(EndpointDetails.url(Bodies.required("url", body.url())),
                events(body.events()), body.description()), UserRoutes.acting(ctx));
        ctx.header("Cache-Control", "no-store");
        Params.created(ctx, "/webhooks/" + made.endpoint().id(), WebhookViews.WithSecretView.of(made));
    }

    private void update(Context ctx) {
        EndpointBody body = Bodies.read(ctx.bodyAsBytes(), EndpointBody.class);
        ctx.json(WebhookViews.EndpointView.of(webhooks.update(Params.id(ctx, "id"), new Webhooks.Change(
                Optional.ofNullable(body.url()).map(EndpointDetails::url),
                Optional.ofNullable(body.events()).map(WebhookRoutes::events),
                Optional.ofNullable(body.description()), Optional.ofNullable(body.enabled())), UserRoutes.acting(ctx))));
    }

    private void deliveries(Context ctx) {
        String status = ctx.queryParam("status");
        Long before = Params.before(ctx);
        ctx.json(webhooks.deliveries(Params.id(ctx, "id"),
                status == null || status.isBlank() ? Optional.empty() : Optional.of(DeliveryStatus.of(status)),
                before == null ? OptionalLong.empty() : OptionalLong.of(before), Params.limit(ctx)).stream()
                .map(WebhookViews.DeliveryView::of).toList());
    }

    /** The kinds named; none, or "*", means all. */
    private static Set<EventKind> events(List<String> names) {
        if (names == null || names.isEmpty() || names.contains("*")) return Set.of();
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        names.forEach(name -> kinds.add(EventKind.of(name)));
        return kinds;
    }

    record EndpointBody(String url, List<String> events, String description, Boolean enabled) {}

    record ReplayBody(String since) {}
}
