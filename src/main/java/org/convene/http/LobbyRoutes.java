package org.convene.http;

import static org.convene.http.Authentication.caller;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import org.convene.core.Access;
import org.convene.core.Lobbies;
import org.convene.core.Permissions.MeetingAction;
import org.convene.model.AdmitAll;
import org.convene.model.Lobby;
import org.convene.model.LobbyPlace;
import org.convene.model.LobbyState;
import org.convene.model.Waiting;

/**
 * An occurrence's lobby: the hosts' view of who waits, with admit, deny and admit-all ({@code /instances/{id}/lobby});
 * a waiter's own place ({@code /instances/{id}/lobby/{userId}}: reading it renews their wait, deleting it gives up).
 * Waiting starts with a join that must wait (answered 202 by {@link InstanceRoutes}). Access decides the caller's
 * right first; the step itself checks it again against the meeting at that moment.
 */
final class LobbyRoutes {
    private final Lobbies lobbies;
    private final Access access;

    LobbyRoutes(Lobbies lobbies, Access access) {
        this.lobbies = lobbies;
        this.access = access;
    }

    /** A join that must wait: 202, with the place in the queue and when the wait lapses unless renewed. */
    record WaitingView(String status, long userId, long instanceId, int position, Instant lapsesAt) {
        static WaitingView of(Waiting w) {
            return new WaitingView("waiting", w.userId(), w.instanceId(), w.position(), w.lapsesAt());
        }
    }

    /** One's own place: state, position while waiting, since, and until (the wait lapses, or the kept seat frees). */
    record PlaceView(long userId, long instanceId, String state, Integer position, Instant since, Instant until) {
        static PlaceView of(LobbyPlace p) {
            return new PlaceView(p.userId(), p.instanceId(), p.state().wire(), p.position() == 0 ? null : p.position(),
                    p.since(), p.until());
        }
    }

    /** The lobby as hosts see it; {@code free} is left out where the meeting has no capacity. */
    record LobbyView(long instanceId, String status, int waitingCount, List<Lobby.Waiter> waiting,
                     List<Lobby.Admitted> admitted, Integer capacity, int inside, Integer free) {
        static LobbyView of(Lobby l) {
            return new LobbyView(l.instanceId(), l.status().wireName(), l.waitingCount(), l.waiting(), l.admitted(),
                    l.capacity() == 0 ? null : l.capacity(), l.inside(), l.free());
        }
    }

    /** A host's decision on one waiter: their state after. */
    record Decision(long instanceId, long userId, String state) {}

    /** What admit-all did: who was admitted, who still waits (the first of them) and how many. */
    record AdmitAllView(long instanceId, List<Long> admitted, List<AdmitAll.Left> waiting, int stillWaiting) {
        static AdmitAllView of(AdmitAll a) {
            return new AdmitAllView(a.instanceId(), a.admitted(), a.waiting(), a.stillWaiting());
        }
    }

    void register(RouteTable routes) {
        routes.get("/instances/{id}/lobby", Role.USER, ctx -> {
            long instance = Params.id(ctx, "id");
            access.requireOnInstance(caller(ctx), MeetingAction.ADMIT, instance);
            ctx.json(LobbyView.of(lobbies.lobby(instance)));
        });
        routes.post("/instances/{id}/lobby/admit-all", Role.USER, ctx -> {
            long instance = Params.id(ctx, "id");
            access.requireOnInstance(caller(ctx), MeetingAction.ADMIT, instance);
            ctx.json(AdmitAllView.of(lobbies.admitAll(instance, caller(ctx).actor(), RequestIds.of(ctx))));
        });
        routes.post("/instances/{id}/lobby/{userId}/admit", Role.USER, ctx -> decide(ctx, true));
        routes.post("/instances/{id}/lobby/{userId}/deny", Role.USER, ctx -> decide(ctx, false));
        routes.get("/instances/{id}/lobby/{userId}", Role.USER, ctx -> {
            long instance = Params.id(ctx, "id");
            long user = Params.id(ctx, "userId");
            access.requireActingAs(caller(ctx), user);
            ctx.json(PlaceView.of(lobbies.place(user, instance)));
        });
        routes.delete("/instances/{id}/lobby/{userId}", Role.USER, ctx -> {
            long instance = Params.id(ctx, "id");
            long user = Params.id(ctx, "userId");
            access.requireActingAs(caller(ctx), user);
            ctx.json(PlaceView.of(lobbies.leave(user, instance)));
        });
    }

    private void decide(Context ctx, boolean admit) {
        long instance = Params.id(ctx, "id");
        long user = Params.id(ctx, "userId");
        access.requireOnInstance(caller(ctx), MeetingAction.ADMIT, instance);
        LobbyState state = admit ? lobbies.admit(instance, user, caller(ctx).actor(), RequestIds.of(ctx))
                : lobbies.deny(instance, user, caller(ctx).actor(), RequestIds.of(ctx));
        ctx.json(new Decision(instance, user, state.wire()));
    }
}
