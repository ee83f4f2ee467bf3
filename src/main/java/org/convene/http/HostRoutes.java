package org.convene.http;

import static org.convene.http.Authentication.caller;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.convene.core.Access;
import org.convene.core.Caller;
import org.convene.core.Hosting;
import org.convene.core.Permissions.MeetingAction;
import org.convene.model.AuditRecord;

/**
 * What a meeting's hosts do beside bans: co-hosts ({@code /meetings/{id}/cohosts/{userId}}), deleting a message or
 * clearing the chat ({@code /instances/{id}/messages}), and reading the meeting's audit trail. Access decides the
 * caller's right first (404 for what does not exist); the step itself checks it again, with the ranks.
 */
final class HostRoutes {
    private final Hosting hosting;
    private final Access access;

    HostRoutes(Hosting hosting, Access access) {
        this.hosting = hosting;
        this.access = access;
    }

    /** A meeting's co-hosts after a change. */
    record Cohosts(long meetingId, List<Long> cohostIds) {}

    /** How many messages a clear took away. */
    record Cleared(long instanceId, long messages) {}


    void register(RouteTable routes) {
        routes.put("/meetings/{id}/cohosts/{userId}", Role.USER, ctx -> {
            long meeting = Params.id(ctx, "id");
            access.require(caller(ctx), MeetingAction.APPOINT_COHOSTS, meeting);
            ctx.json(new Cohosts(meeting, hosting.appoint(meeting, Params.id(ctx, "userId"), caller(ctx).actor(),
                    RequestIds.of(ctx))));
        });
        routes.delete("/meetings/{id}/cohosts/{userId}", Role.USER, ctx -> {
            long meeting = Params.id(ctx, "id");
            long user = Params.id(ctx, "userId");
            Caller caller = caller(ctx);
            // A co-host may resign; anyone else revoking must be able to appoint.
            if (caller.root() || caller.userId() != user) access.require(caller, MeetingAction.APPOINT_COHOSTS, meeting);
            ctx.json(new Cohosts(meeting, hosting.revoke(meeting, user, caller.actor(), RequestIds.of(ctx))));
        });
        routes.delete("/instances/{id}/messages/{messageId}", Role.USER, ctx -> {
            long instance = Params.id(ctx, "id");
            // Authors delete their own; whether anyone else may is the step's to decide, by rank.
            access.requireInside(caller(ctx), instance);
            hosting.deleteMessage(instance, Params.id(ctx, "messageId"), caller(ctx).actor(), RequestIds.of(ctx));
            ctx.status(204);
        });
        routes.delete("/instances/{id}/messages", Role.USER, ctx -> {
            long instance = Params.id(ctx, "id");
            access.requireOnInstance(caller(ctx), MeetingAction.RUN, instance);
            ctx.json(new Cleared(instance, hosting.clearChat(instance, caller(ctx).actor(), RequestIds.of(ctx))));
        });
        routes.get("/meetings/{id}/audit", Role.USER, ctx -> {
            long meeting = Params.id(ctx, "id");
            access.require(caller(ctx), MeetingAction.SEE_AUDIT, meeting);
            ctx.json(hosting.audit(meeting, Params.before(ctx), Params.limit(ctx)).stream().map(org.convene.view.AuditView::of).toList());
        });
    }
}
