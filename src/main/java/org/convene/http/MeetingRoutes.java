package org.convene.http;

import static org.convene.http.Authentication.caller;

import io.javalin.http.Context;
import org.convene.core.Access;
import org.convene.core.Caller;
import org.convene.core.Hosting;
import org.convene.core.Convene;
import org.convene.core.Permissions.MeetingAction;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.OptionalLong;
import org.convene.model.Meeting;
import org.convene.model.MeetingDetails;
import org.convene.model.MeetingInstance;
import org.convene.model.MeetingOptions;
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
            if (body.callUrl() != null) throw RefusedException.invalid("callUrl", "changes only by PATCH /meetings/" + id);
            Meeting meeting = convene.updateMeeting(id, details(body), Params.ifMatch(ctx), UserRoutes.acting(ctx));
            ctx.header("ETag", Params.etag(meeting.version())).json(Views.MeetingView.of(meeting, true)
                    .withAudienceWithoutUser(convene.audienceWithoutUser(meeting)));
        });
        routes.patch("/meetings/{id}", Role.USER, this::patch);
        routes.delete("/meetings/{id}", Role.USER, ctx -> {
            convene.deleteMeeting(run(ctx), UserRoutes.acting(ctx));
            ctx.status(204);
        });
        routes.post("/meetings/{id}/owner", Role.USER, ctx -> {
            long meeting = run(ctx);
            Bodies.OwnerBody body = Bodies.read(ctx.bodyAsBytes(), Bodies.OwnerBody.class);
            Meeting handed = convene.roles().handOver(meeting, Bodies.required("userId", body.userId()),
                    caller(ctx).actor(), RequestIds.of(ctx));
            ctx.header("ETag", Params.etag(handed.version())).json(Views.MeetingView.of(handed, true));
        });
        routes.get("/meetings/{id}/instances", Role.USER, ctx -> ctx.json(convene.instancesOf(Params.id(ctx, "id"))
                .stream().map(Views.InstanceView::of).toList()));
        routes.post("/meetings/{id}/instances", Role.USER, ctx -> {
            MeetingInstance instance = convene.createInstance(run(ctx), Params.window(ctx), UserRoutes.acting(ctx));
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
        String call = body.callUrl() == null ? null : MeetingOptions.callUrl(body.callUrl()); // checked before anything is made
        Long named = body.ownerId();
        if (named != null && !caller.admin() && named != caller.userId()) throw Refusal.ADMIN_ONLY.refuse();
        OptionalLong owner = named != null ? OptionalLong.of(named)
                : caller.root() ? OptionalLong.empty() : OptionalLong.of(caller.userId());
        Meeting meeting = convene.createMeeting(details, owner, UserRoutes.acting(ctx));
        if (call != null && !call.isEmpty()) {
            // The call is an option, set by its own recorded step once the meeting exists.
            convene.hosting().changeOptions(meeting.id(), new Hosting.OptionChanges(null, null, null, null, call),
                    caller.actor(), RequestIds.of(ctx));
            meeting = convene.meeting(meeting.id());
        }
        Params.created(ctx, "/meetings/" + meeting.id(), Views.MeetingView.of(meeting, true)
                .withAudienceWithoutUser(convene.audienceWithoutUser(meeting)));
    }

    /**
     * A merge patch: details and options given change, the rest stays. Changing details or any option but the chat
     * mode is the owner's or an administrator's; a co-host may change the chat mode alone. Everything given is checked
     * before anything changes; the details (if any) are saved first, under If-Match when given.
     */
    private void patch(Context ctx) {
        long id = Params.id(ctx, "id");
        byte[] raw = ctx.bodyAsBytes();
        Bodies.MeetingPatchBody body = Bodies.read(raw, Bodies.MeetingPatchBody.class);
        JsonNode given = Bodies.tree(raw);
        if (body.ownerId() != null) throw RefusedException.invalid("ownerId", "changes only by POST /meetings/" + id + "/owner");
        boolean details = DETAIL_FIELDS.stream().anyMatch(given::has);
        boolean onlyChatMode = !details && !given.has("cohostsCanEnd") && !given.has("attendanceView")
                && !given.has("lobby") && !given.has("callUrl");
        Caller caller = caller(ctx);
        Meeting current = access.require(caller, onlyChatMode ? MeetingAction.SET_CHAT_MODE : MeetingAction.RUN, id);
        var chatMode = given.has("chatMode") ? MeetingOptions.ChatMode.given(body.chatMode()) : null;
        var view = given.has("attendanceView") ? MeetingOptions.AttendanceView.given(body.attendanceView()) : null;
        var lobby = given.has("lobby") ? MeetingOptions.LobbyPolicy.given(body.lobby()) : null;
        String call = given.has("callUrl") ? MeetingOptions.callUrl(body.callUrl()) : null;
        if (given.has("cohostsCanEnd")) Bodies.required("cohostsCanEnd", body.cohostsCanEnd());
        boolean options = chatMode != null || view != null || lobby != null || body.cohostsCanEnd() != null || call != null;
        if (!details && !options) throw HttpProblem.badRequest("The patch changes nothing: give the fields to change");
        if (details) convene.updateMeeting(id, merged(current.details(), body, given), Params.ifMatch(ctx), UserRoutes.acting(ctx));
        if (options) {
            convene.hosting().changeOptions(id, new Hosting.OptionChanges(chatMode, body.cohostsCanEnd(), view, lobby, call),
                    caller.actor(), RequestIds.of(ctx));
        }
        Meeting meeting = convene.meeting(id);
        Views.MeetingView saved = Views.MeetingView.of(meeting, access.seesAudience(caller, meeting));
        if (details && given.has("audience")) saved = saved.withAudienceWithoutUser(convene.audienceWithoutUser(meeting));
        ctx.header("ETag", Params.etag(meeting.version())).json(saved);
    }

    private static final List<String> DETAIL_FIELDS = List.of("title", "description", "isPublic", "audience", "capacity",
            "presence", "reminderMinutes");

    /** The meeting's details with the patch's applied: a field given replaces, null removes what may be absent. */
    private static MeetingDetails merged(MeetingDetails d, Bodies.MeetingPatchBody p, JsonNode given) {
        return new MeetingDetails(
                given.has("title") ? MeetingDetails.title(Bodies.required("title", p.title())) : d.title(),
                given.has("description") ? (p.description() == null ? "" : p.description()) : d.description(),
                given.has("isPublic") ? Bodies.required("isPublic", p.isPublic()) : d.isPublic(),
                given.has("audience") ? MeetingDetails.audience(p.audience()) : d.audience(),
                given.has("capacity") ? MeetingDetails.capacity(p.capacity()) : d.capacity(),
                given.has("presence") ? (p.presence() == null ? Presence.OFF
                        : new Presence(Bodies.required("presence.leaseSeconds", p.presence().leaseSeconds()),
                                p.presence().graceSeconds() == null ? 0 : p.presence().graceSeconds())) : d.presence(),
                given.has("reminderMinutes") ? MeetingDetails.reminder(p.reminderMinutes()) : d.reminderMinutes());
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
