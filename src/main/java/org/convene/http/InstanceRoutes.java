package org.convene.http;

import static org.convene.http.Authentication.caller;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.convene.core.Access;
import org.convene.view.AttendanceSvg;
import org.convene.model.JoinOutcome;
import org.convene.model.Waiting;
import org.convene.core.Permissions.MeetingAction;
import org.convene.core.Caller;
import org.convene.core.ChatRateLimit;
import org.convene.core.Convene;
import org.convene.model.AttendanceReport;
import org.convene.model.ChatMessage;
import org.convene.model.Event;
import org.convene.model.GlobalRole;
import org.convene.model.Ids;
import org.convene.model.InstanceStatus;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;
import org.convene.view.AttendanceCsv;
import org.convene.view.AttendanceViews;
import org.convene.view.Views;

/** {@code /instances} and the nine functions: joins, leaves, participants, chat, events, the end, the active instances and the join times. */
final class InstanceRoutes {
    private final Convene convene;
    private final Access access;
    private final ChatRateLimit chatLimit;
    /** One per function: each keeps the JSON of its own list. */
    private final ActiveJson activeJson = new ActiveJson();
    private final ActiveJson joinTimesJson = new ActiveJson();

    private final ReadNotes reads;

    InstanceRoutes(Convene convene, Access access, ChatRateLimit chatLimit, ReadNotes reads) {
        this.convene = convene;
        this.access = access;
        this.chatLimit = chatLimit;
        this.reads = reads;
    }

    void register(RouteTable routes) {
        routes.get("/instances/{id}", Role.USER, ctx -> ctx.json(Views.InstanceView.of(convene.instance(Params.id(ctx, "id")))));
        routes.put("/instances/{id}", Role.USER, ctx -> ctx.json(Views.InstanceView.of(
                convene.updateInstance(run(ctx), Params.window(ctx), UserRoutes.acting(ctx)))));
        routes.delete("/instances/{id}", Role.USER, ctx -> {
            convene.deleteInstance(run(ctx), UserRoutes.acting(ctx));
            ctx.status(204);
        });
        routes.get("/instances/{id}/participants", Role.USER, ctx -> ctx.json(convene.participants(inside(ctx))));
        routes.get("/instances/{id}/call", Role.USER, this::call);
        routes.post("/instances/{id}/participants", Role.USER, this::join);
        routes.delete("/instances/{id}/participants/{userId}", Role.USER, this::leave);
        routes.post("/instances/{id}/participants/{userId}/heartbeat", Role.USER, this::heartbeat);
        routes.post("/instances/{id}/end", Role.USER, ctx -> {
            long instance = Params.id(ctx, "id");
            access.requireOnInstance(caller(ctx), MeetingAction.END, instance);
            ctx.json(convene.end(instance, caller(ctx).actor(), RequestIds.of(ctx)));
        });
        routes.get("/instances/{id}/messages", Role.USER, this::chat);
        routes.post("/instances/{id}/messages", Role.USER, this::post);
        routes.get("/instances/{id}/events", Role.USER, this::events);
        routes.get("/instances/{id}/attendance", Role.USER, this::attendance);
        routes.get("/instances/{id}/attendance.svg", Role.USER, this::attendanceSvg);
        routes.get("/active-instances", Role.USER, ctx -> ctx.contentType("application/json")
                .result(activeJson.active(convene.activeInstances())));
        routes.get("/join-times", Role.USER, ctx -> {
            Caller caller = caller(ctx);
            ctx.contentType("application/json").result(joinTimesJson.joinTimes(convene.joinTimes(),
                    a -> access.seesInside(caller, a.meeting())));
        });
    }

    /** The address of the meeting's call, for those inside the live instance and for its hosts; never cached. */
    private void call(Context ctx) {
        long id = inside(ctx);
        Caller caller = caller(ctx);
        var instance = convene.instance(id);
        var meeting = convene.meeting(instance.meetingId());
        boolean participant = !caller.root()
                && convene.participants(id).stream().anyMatch(p -> p.userId() == caller.userId());
        access.requireInCall(caller, meeting, instance.status() == InstanceStatus.ACTIVE, participant);
        String url = meeting.options().callUrl();
        if (url == null) throw Refusal.NO_CALL.refuse();
        ctx.header("Cache-Control", "no-store").json(Map.of("instanceId", id, "url", url));
    }

    /** The instance in the path, once the caller is known to see inside it. */
    private long inside(Context ctx) {
        long instance = Params.id(ctx, "id");
        access.requireInside(caller(ctx), instance);
        return instance;
    }

    /** Who was in the instance and for how long: JSON, or CSV (one row per segment) for {@code Accept: text/csv}. */
    /**
     * The instance's attendance as the caller may see it: everyone inside sees their own rows; everyone's, only those
     * the meeting's attendanceView allows (a read of others' recorded once a day).
     */
    private AttendanceReport visibleReport(Context ctx, long instance) {
        AttendanceReport report = convene.attendance(instance);
        Caller caller = caller(ctx);
        var meeting = access.meetingOfInstance(instance);
        if (!access.allows(caller, MeetingAction.SEE_ATTENDANCE, meeting)) return report.only(caller.userId());
        reads.read(caller, "meeting:" + meeting.id(), "attendance_read", "instance:" + instance, RequestIds.of(ctx));
        return report;
    }

    /** The attendance as a timeline in SVG, with the report's access (for reports, e-mails and the console). */
    private void attendanceSvg(Context ctx) {
        long instance = inside(ctx);
        AttendanceReport report = visibleReport(ctx, instance);
        var meeting = access.meetingOfInstance(instance);
        ctx.contentType("image/svg+xml; charset=utf-8").result(AttendanceSvg.of(report, meeting.details().title(),
                access.allows(caller(ctx), MeetingAction.SEE_ATTENDANCE, meeting)));
    }

    private void attendance(Context ctx) {
        long instance = inside(ctx);
        AttendanceReport report = visibleReport(ctx, instance);
        String format = ctx.queryParam("format");
        if (format != null && !format.equals("people")) {
            throw RefusedException.invalid("format", "must be people (a sheet in people's words), or left out");
        }
        if (prefersCsv(ctx.header("Accept"))) {
            boolean forPeople = format != null;
            ctx.header("Content-Disposition", "attachment; filename=\"" + (forPeople ? "attendance-" : "instance-") + instance
                            + (forPeople ? "" : "-attendance") + ".csv\"")
                    .contentType("text/csv; charset=utf-8")
                    .result(forPeople ? AttendanceCsv.forPeople(report) : AttendanceCsv.of(report));
        } else {
            ctx.json(AttendanceViews.InstanceAttendanceView.of(report));
        }
    }

    /**
     * Whether a client asks for CSV before JSON: one that accepts both in that order, or CSV alone.
     * A generated client lists every type the document offers, JSON first, and must get JSON.
     */
    static boolean prefersCsv(String accept) {
        if (accept == null) return false;
        int csv = accept.indexOf("text/csv");
        int json = accept.indexOf("application/json");
        return csv >= 0 && (json < 0 || csv < json);
    }

    private void join(Context ctx) {
        long instance = Params.id(ctx, "id");
        long user = Params.positive("userId", Bodies.read(ctx.bodyAsBytes(), Bodies.JoinBody.class).userId());
        access.requireActingAs(caller(ctx), user);
        JoinOutcome outcome = convene.enter(user, instance);
        if (outcome instanceof Waiting waiting) {
            // Waits in the lobby: its place is where to follow it (reading it renews the wait).
            ctx.status(202).header("Location", "/instances/" + instance + "/lobby/" + user)
                    .json(LobbyRoutes.WaitingView.of(waiting));
            return;
        }
        Params.created(ctx, "/instances/" + instance + "/participants/" + user, outcome);
    }

    /** A sign of life for a meeting with a presence rule (an open instance stream counts as one too). */
    private void heartbeat(Context ctx) {
        long instance = Params.id(ctx, "id");
        long user = Params.id(ctx, "userId");
        access.requireActingAs(caller(ctx), user);
        convene.heartbeat(user, instance);
        ctx.status(204);
    }

    /**
     * A user leaves; anyone else who asks is a host removing them (a leave whose reason is {@code kicked},
     * recorded): an administrator, or the meeting's owner, reaching only those ranked below them.
     */
    private void leave(Context ctx) {
        long instance = Params.id(ctx, "id");
        long user = Params.id(ctx, "userId");
        Caller caller = caller(ctx);
        if (!caller.root() && caller.userId() == user) {
            ctx.json(convene.leave(user, instance));
            return;
        }
        access.requireOnInstance(caller, MeetingAction.MODERATE, instance);
        ctx.json(convene.hosting().remove(user, instance, caller.actor(), RequestIds.of(ctx)));
    }

    private void chat(Context ctx) {
        long instance = inside(ctx);
        String user = ctx.queryParam("userId");
        Long before = Params.before(ctx);
        if (before != null && user != null) throw RefusedException.invalid("before", "cannot be combined with userId");
        int limit = Params.limit(ctx);
        List<ChatMessage> messages = before != null ? convene.chatBefore(instance, before, limit)
                : user == null ? convene.chat(instance, Params.after(ctx), limit)
                : convene.chatOf(instance, Ids.parse("userId", user), Params.after(ctx), limit);
        ctx.json(messages.stream().map(Views.MessageView::of).toList());
    }

    private void post(Context ctx) {
        long instance = Params.id(ctx, "id");
        Bodies.MessageBody body = Bodies.read(ctx.bodyAsBytes(), Bodies.MessageBody.class);
        long user = Params.positive("userId", body.userId());
        Caller caller = caller(ctx);
        access.requireActingAs(caller, user);
        String text = ChatMessage.checkText(Bodies.required("text", body.text()));
        chatLimit.acquire(caller);
        ChatMessage message = convene.post(user, caller.root() ? GlobalRole.MEMBER : caller.role(), instance, text,
                ctx.header("Idempotency-Key"));
        Params.created(ctx, "/instances/" + instance + "/messages?after=" + (message.id() - 1) + "&limit=1",
                Views.MessageView.of(message));
    }

    private void events(Context ctx) {
        long instance = inside(ctx);
        Long before = Params.before(ctx);
        int limit = Params.limit(ctx);
        List<Event> events = before != null ? convene.eventsBefore(instance, before, limit)
                : convene.eventsOfInstance(instance, Params.after(ctx), limit);
        ctx.json(events.stream().map(Views.EventView::of).toList());
    }

    /** The instance of the path, once the caller is found to run its meeting (its owner or an administrator). */
    private long run(Context ctx) {
        return Hosts.instance(ctx, access);
    }
}
