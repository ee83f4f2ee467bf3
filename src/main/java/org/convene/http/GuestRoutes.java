package org.convene.http;

import static org.convene.http.Authentication.caller;

import java.time.Instant;
import java.util.List;
import org.convene.core.Access;
import org.convene.core.Guests;
import org.convene.core.Permissions.MeetingAction;
import org.convene.core.SignInLimit;
import org.convene.model.GuestLink;

/**
 * Guests by link: an occurrence's hosts make, list and revoke its links ({@code /instances/{id}/guest-links});
 * whoever opens a link gives a name and gets a guest's token for that occurrence alone ({@code POST /guests}, no
 * token needed; a link that does not open counts as a failed sign-in).
 */
final class GuestRoutes {
    private final Guests guests;
    private final Access access;
    private final SignInLimit signIn;

    GuestRoutes(Guests guests, Access access, SignInLimit signIn) {
        this.guests = guests;
        this.access = access;
        this.signIn = signIn;
    }

    /** What opening a link takes: the link and the name to go by. */
    record OpenBody(String link, String name) {}

    /** A link as its hosts see it; the link itself only in the answer that made it. */
    record LinkView(long id, long instanceId, Instant madeAt, String madeBy, Instant revokedAt, String link,
                    String console) {
        static LinkView of(GuestLink l) {
            return new LinkView(l.id(), l.instanceId(), l.madeAt(), l.madeBy(), l.revokedAt(), null, null);
        }
    }

    /** A guest just made: their id, the instance, the name, and their token (shown this once). */
    record GuestView(long userId, long instanceId, String name, String token) {}

    void register(RouteTable routes) {
        routes.post("/instances/{id}/guest-links", Role.USER, ctx -> {
            long instance = Params.id(ctx, "id");
            access.requireOnInstance(caller(ctx), MeetingAction.ADMIT, instance);
            Guests.MadeLink made = guests.makeLink(instance, caller(ctx).actor(), RequestIds.of(ctx));
            Params.created(ctx, "/instances/" + instance + "/guest-links/" + made.id(), new LinkView(made.id(), instance,
                    null, null, null, made.link(), "/#/guest/" + made.link()));
        });
        routes.get("/instances/{id}/guest-links", Role.USER, ctx -> {
            long instance = Params.id(ctx, "id");
            access.requireOnInstance(caller(ctx), MeetingAction.ADMIT, instance);
            List<LinkView> links = guests.links(instance, caller(ctx).actor()).stream().map(LinkView::of).toList();
            ctx.json(links);
        });
        routes.delete("/instances/{id}/guest-links/{linkId}", Role.USER, ctx -> {
            long instance = Params.id(ctx, "id");
            access.requireOnInstance(caller(ctx), MeetingAction.ADMIT, instance);
            guests.revokeLink(instance, Params.id(ctx, "linkId"), caller(ctx).actor(), RequestIds.of(ctx));
            ctx.status(204);
        });
        routes.post("/guests", Role.OPEN, ctx -> {
            OpenBody body = Bodies.read(ctx.bodyAsBytes(), OpenBody.class);
            Guests.Guest guest = signIn.openGuestLink(guests, Bodies.required("link", body.link()),
                    Bodies.required("name", body.name()), ctx.ip());
            Params.created(ctx, "/users/" + guest.userId(), new GuestView(guest.userId(), guest.instanceId(),
                    guest.name(), guest.token()));
        });
    }
}
