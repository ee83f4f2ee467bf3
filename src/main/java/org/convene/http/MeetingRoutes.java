package org.convene.http;

import static org.convene.http.Authentication.caller;

import io.javalin.http.Context;
import org.convene.core.Access;
import org.convene.core.Caller;
import org.convene.core.Convene;
import org.convene.model.Meeting;
import org.convene.model.MeetingDetails;
import org.convene.model.MeetingInstance;
import org.convene.model.Presence;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;
import org.convene.view.Views;

/** {@code /meetings}: every caller sees meetings and their instances; organizers make their own, owners and administrators run them. */
final class MeetingRoutes {
    private final Convene convene;
    private final Access access;

    MeetingRoutes(Convene convene, Access access) {
        this.convene = convene;
        this.access = access;
    }

    void register(RouteTable routes) {
        routes.get("/meetings", Role.USER, ctx -> ctx.json(convene.meetings(Params.after(ctx), Params.limit(ctx)).stream()
                .map(m -> Views.MeetingView.of(m, access.seesAudience(caller(ctx), m))).toList()));
        routes.post("/meetings", Role.USER, this::create);
        routes.get("/meetings/{id}", Role.USER, ctx -> {
            Meeting meeting = convene.meeting(Params.id(ctx, "id"));
            ctx.header("ETag", Params.etag(meeting.version()))
                    .json(Views.MeetingView.of(meeting, access.seesAudience(caller(ctx), meeting)));
        });
        routes.put("/meetings/{id}", Role.USER, ctx -> {
            long id = run(ctx);
            Bodies.MeetingBody body = body(ctx);
            if (body.ownerId() != null && !convene.meeting(id).ownedBy(body.ownerId())) {
                throw RefusedException.invalid("ownerId", "changes only by POST /meetings/" + id + "/owner");
            }
            Meeting meeting = convene.updateMeeting(id, details(body), Params.ifMatch(ctx));
            ctx.header("ETag", Params.etag(meeting.version())).json(Views.MeetingView.of(meeting, true));
        });
        routes.delete("/meetings/{id}", Role.USER, ctx -> {
            convene.deleteMeeting(run(ctx));
            ctx.status(204);
        });
        routes.post("/meetings/{id}/owner", Role.USER, ctx -> {
            long meeting = run(ctx);
            Bodies.OwnerBody body = Bodies.read(ctx.bodyAsBytes(), Bodies.OwnerBody.class);
            Meeting handed = convene.handOver(meeting, Bodies.required("userId", body.userId()),
                    caller(ctx).actor(), RequestIds.of(ctx));
            ctx.header("ETag", Params.etag(handed.version())).json(Views.MeetingView.of(handed, true));
        });
        routes.get("/meetings/{id}/instances", Role.USER, ctx -> ctx.json(convene.instancesOf(Params.id(ctx, "id"))
                .stream().map(Views.InstanceView::of).toList()));
        routes.post("/meetings/{id}/instances", Role.USER, ctx -> {
            MeetingInstance instance = convene.createInstance(run(ctx), Params.window(ctx));
            Params.created(ctx, "/instances/" + instance.id(), Views.InstanceView.of(instance));
        });
    }

    /**
     * Makes a meeting: organizers and administrators may, and own what they make; an administrator may name
     * another owner ({@code ownerId}, an organizer or administrator); root names one or leaves it to the
     * administrators.
     */
    private void create(Context ctx) {
        Caller caller = caller(ctx);
        access.requireMakesMeetings(caller);
        Bodies.MeetingBody body = body(ctx);
        MeetingDetails details = details(body);
        Long named = body.ownerId();
        if (named != null && !caller.admin() && named != caller.userId()) throw Refusal.ADMIN_ONLY.refuse();
        Meeting meeting = named != null ? convene.createMeeting(details, named)
                : caller.root() ? convene.createMeeting(details) : convene.createMeeting(details, caller.userId());
        Params.created(ctx, "/meetings/" + meeting.id(), Views.MeetingView.of(meeting, true));
    }

    /** The meeting of the path, once the caller is found to run it (its owner or an administrator). */
    private long run(Context ctx) {
        return Hosts.meeting(ctx, access);
    }

    private static Bodies.MeetingBody body(Context ctx) {
        return Bodies.read(ctx.bodyAsBytes(), Bodies.MeetingBody.class);
    }

    private static MeetingDetails details(Bodies.MeetingBody body) {
        return new MeetingDetails(MeetingDetails.title(Bodies.required("title", body.title())),
                body.description() == null ? "" : body.description(), Bodies.required("isPublic", body.isPublic()),
                MeetingDetails.audience(body.audience()), MeetingDetails.capacity(body.capacity()),
                body.presence() == null ? Presence.OFF
                        : new Presence(Bodies.required("presence.leaseSeconds", body.presence().leaseSeconds()),
                                body.presence().graceSeconds() == null ? 0 : body.presence().graceSeconds()),
                MeetingDetails.reminder(body.reminderMinutes()));
    }
}
