package org.convene.http;

import static org.convene.http.Authentication.caller;

import io.javalin.http.Context;
import java.time.Instant;
import org.convene.core.Access;
import org.convene.core.Permissions.MeetingAction;
import org.convene.core.Bans;
import org.convene.model.Ban;

/** {@code /meetings/{id}/bans}: a meeting's hosts ban users from it and lift bans, each only of those ranked below them. */
final class BanRoutes {
    private final Bans bans;
    private final Access access;

    BanRoutes(Bans bans, Access access) {
        this.bans = bans;
        this.access = access;
    }

    /** A ban as the API shows it; {@code until} absent: for good. */
    record BanView(long meetingId, long userId, Instant until, String reason) {
        static BanView of(Ban ban) {
            return new BanView(ban.meetingId(), ban.userId(), ban.until(), ban.reason());
        }
    }

    /** What a ban did: the ban, and the instance it took the user out of (absent: they were not inside). */
    record Banned(BanView ban, Long removedFrom) {}

    void register(RouteTable routes) {
        routes.get("/meetings/{id}/bans", Role.USER, ctx -> ctx.json(bans.of(run(ctx)).stream().map(BanView::of).toList()));
        routes.put("/meetings/{id}/bans/{userId}", Role.USER, this::ban);
        routes.delete("/meetings/{id}/bans/{userId}", Role.USER, ctx -> {
            bans.lift(run(ctx), Params.id(ctx, "userId"), caller(ctx).actor(), RequestIds.of(ctx));
            ctx.status(204);
        });
    }

    /** Bans the user (taking them out of the active instance if they are inside); the body, if any, gives until and reason. */
    private void ban(Context ctx) {
        long meeting = run(ctx);
        long user = Params.id(ctx, "userId");
        byte[] raw = ctx.bodyAsBytes();
        Bodies.BanBody body = raw.length == 0 ? new Bodies.BanBody(null, null) : Bodies.read(raw, Bodies.BanBody.class);
        Instant until = body.until() == null ? null : Bodies.time("until", body.until());
        var removedFrom = bans.ban(meeting, user, until, body.reason(), caller(ctx).actor(), RequestIds.of(ctx));
        ctx.json(new Banned(BanView.of(new Ban(meeting, user, until, body.reason())),
                removedFrom.isPresent() ? removedFrom.getAsLong() : null));
    }

    /** The meeting of the path, once the caller is found to be one of its hosts (owner, co-host, administrator). */
    private long run(Context ctx) {
        long meeting = Params.id(ctx, "id");
        access.require(caller(ctx), MeetingAction.MODERATE, meeting);
        return meeting;
    }
}
