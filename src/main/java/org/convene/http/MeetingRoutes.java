package org.convene.http;

import static org.convene.http.Authentication.caller;

import io.javalin.http.Context;
import org.convene.core.Access;
import org.convene.core.Convene;
import org.convene.model.Meeting;
import org.convene.model.MeetingDetails;
import org.convene.model.MeetingInstance;
import org.convene.model.Presence;
import org.convene.view.Views;

/** {@code /meetings}: every caller sees meetings and their instances; the administrator manages them. */
final class MeetingRoutes {
    private final Convene convene;
    private final Access access;

    MeetingRoutes(Convene convene, Access access) {
        this.convene = convene;
        this.access = access;
    }

    void register(RouteTable routes) {
        routes.get("/meetings", Role.USER, ctx -> {
            boolean audience = access.seesAudience(caller(ctx));
            ctx.json(convene.meetings(Params.after(ctx), Params.limit(ctx)).stream()
                    .map(m -> Views.MeetingView.of(m, audience)).toList());
        });
        routes.post("/meetings", Role.ADMIN, ctx -> {
            Meeting meeting = convene.createMeeting(details(ctx));
            Params.created(ctx, "/meetings/" + meeting.id(), Views.MeetingView.of(meeting, true));
        });
        routes.get("/meetings/{id}", Role.USER, ctx -> {
            Meeting meeting = convene.meeting(Params.id(ctx, "id"));
            ctx.header("ETag", Params.etag(meeting.version()))
                    .json(Views.MeetingView.of(meeting, access.seesAudience(caller(ctx))));
        });
        routes.put("/meetings/{id}", Role.ADMIN, ctx -> {
            Meeting meeting = convene.updateMeeting(Params.id(ctx, "id"), details(ctx), Params.ifMatch(ctx));
            ctx.header("ETag", Params.etag(meeting.version())).json(Views.MeetingView.of(meeting, true));
        });
        routes.delete("/meetings/{id}", Role.ADMIN, ctx -> {
            convene.deleteMeeting(Params.id(ctx, "id"));
            ctx.status(204);
        });
        routes.get("/meetings/{id}/instances", Role.USER, ctx -> ctx.json(convene.instancesOf(Params.id(ctx, "id"))
                .stream().map(Views.InstanceView::of).toList()));
        routes.post("/meetings/{id}/instances", Role.ADMIN, ctx -> {
            MeetingInstance instance = convene.createInstance(Params.id(ctx, "id"), Params.window(ctx));
            Params.created(ctx, "/instances/" + instance.id(), Views.InstanceView.of(instance));
        });
    }

    private static MeetingDetails details(Context ctx) {
        Bodies.MeetingBody body = Bodies.read(ctx.bodyAsBytes(), Bodies.MeetingBody.class);
        return new MeetingDetails(MeetingDetails.title(Bodies.required("title", body.title())),
                body.description() == null ? "" : body.description(), Bodies.required("isPublic", body.isPublic()),
                MeetingDetails.audience(body.audience()), MeetingDetails.capacity(body.capacity()),
                body.presence() == null ? Presence.OFF
                        : new Presence(Bodies.required("presence.leaseSeconds", body.presence().leaseSeconds()),
                                body.presence().graceSeconds() == null ? 0 : body.presence().graceSeconds()),
                MeetingDetails.reminder(body.reminderMinutes()));
    }
}
