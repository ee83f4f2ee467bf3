package org.convene.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.convene.core.Access;
import org.convene.core.Calendars;
import org.convene.core.Convene;
import org.convene.core.Services;
import org.convene.core.Tokens;
import org.convene.model.RefusedException;
import org.convene.model.TimeWindow;
import org.convene.series.Recurrences;
import org.convene.series.Series;
import org.convene.series.SeriesRule;
import org.convene.view.CalendarFeed;
import org.convene.view.OccurrencesView;
import org.convene.view.SeriesAttendance;
import org.convene.view.SeriesView;
import org.convene.view.Views;

/** A meeting's recurring series ({@code /meetings/{id}/series}) and its calendar feed ({@code /meetings/{id}/calendar.ics}). */
final class SeriesRoutes {
    private final Convene convene;
    private final Recurrences recurrences;
    private final Calendars calendars;
    private final Tokens tokens;
    private final Access access;

    private final ReadNotes reads;

    SeriesRoutes(Services services, ReadNotes reads) {
        this.reads = reads;
        this.convene = services.convene();
        this.recurrences = services.recurrences();
        this.calendars = services.calendars();
        this.tokens = services.tokens();
        this.access = services.access();
    }

    void register(RouteTable routes) {
        routes.post("/meetings/{id}/series", Role.USER, this::create);
        routes.get("/meetings/{id}/series", Role.USER, ctx -> {
            long meeting = Params.id(ctx, "id");
            convene.meeting(meeting);
            ctx.json(recurrences.of(meeting).stream().map(s -> SeriesView.of(s, convene.clock().instant())).toList());
        });
        routes.get("/meetings/{id}/series/{seriesId}", Role.USER, ctx -> ctx.json(SeriesView.of(
                recurrences.get(Params.id(ctx, "id"), Params.id(ctx, "seriesId")), convene.clock().instant())));
        routes.delete("/meetings/{id}/series/{seriesId}", Role.USER, ctx -> ctx.json(Map.of("deletedInstances",
                recurrences.delete(run(ctx), Params.id(ctx, "seriesId"), UserRoutes.acting(ctx)))));
        routes.get("/meetings/{id}/calendar.ics", Role.USER, this::calendar);
        routes.post("/users/{id}/calendar-token", Role.USER, ctx -> {
            long user = Params.id(ctx, "id");
            access.requireActingAs(Authentication.caller(ctx), user);
            convene.user(user);
            String token = tokens.issueFeedToken(user, UserRoutes.acting(ctx));
            ctx.header("Cache-Control", "no-store").json(Map.of("userId", user, "token", token,
                    "url", "/calendar/" + token + ".ics"));
        });
        routes.get("/calendar/{file}", Role.FEED, this::userCalendar);
        routes.delete("/meetings/{id}/series/{seriesId}/occurrences/{recurrenceId}", Role.USER, ctx -> {
            recurrences.cancel(run(ctx), Params.id(ctx, "seriesId"), recurrenceId(ctx), UserRoutes.acting(ctx));
            ctx.status(204);
        });
        routes.put("/meetings/{id}/series/{seriesId}/occurrences/{recurrenceId}", Role.USER, ctx -> {
            long instance = recurrences.occurrenceInstance(run(ctx), Params.id(ctx, "seriesId"), recurrenceId(ctx));
            Bodies.WindowBody body = Bodies.read(ctx.bodyAsBytes(), Bodies.WindowBody.class);
            ctx.json(Views.InstanceView.of(convene.updateInstance(instance, new TimeWindow(
                    Bodies.time("from", body.from()), Bodies.time("to", body.to())), UserRoutes.acting(ctx))));
        });
        routes.post("/meetings/{id}/series/{seriesId}/split", Role.USER, this::split);
        routes.get("/meetings/{id}/series/{seriesId}/occurrences", Role.USER, this::occurrences);
        routes.get("/meetings/{id}/series/{seriesId}/attendance", Role.USER, ctx -> ctx.json(seriesAttendance(ctx)));
        routes.get("/meetings/{id}/series/{seriesId}/attendance.svg", Role.USER, ctx -> ctx
                .contentType("image/svg+xml; charset=utf-8")
                .result(seriesAttendance(ctx).svg(convene.meeting(Params.id(ctx, "id")).details().title())));
    }

    /** The most recent occurrences a series' attendance shows: a year of a weekly meeting. */
    private static final int SERIES_ATTENDANCE_SHOWN = 52;

    /**
     * Attendance across a series' occurrences that have started (the latest 52), for whoever sees everyone's attendance
     * in the meeting (its hosts, as its attendanceView says).
     */
    private SeriesAttendance seriesAttendance(Context ctx) {
        long meeting = Params.id(ctx, "id");
        long seriesId = Params.id(ctx, "seriesId");
        access.require(Authentication.caller(ctx), org.convene.core.Permissions.MeetingAction.SEE_ATTENDANCE, meeting);
        recurrences.get(meeting, seriesId);
        reads.read(Authentication.caller(ctx), "meeting:" + meeting, "attendance_read", "series:" + seriesId,
                RequestIds.of(ctx));
        List<Long> started = convene.instancesOf(meeting).stream()
                .filter(i -> i.series() != null && i.series().seriesId() == seriesId)
                .filter(i -> i.effectiveStatus(convene.clock().instant()) != org.convene.model.InstanceStatus.SCHEDULED)
                .sorted(java.util.Comparator.comparing(org.convene.model.MeetingInstance::from))
                .map(org.convene.model.MeetingInstance::id).toList();
        List<Long> shown = started.subList(Math.max(0, started.size() - SERIES_ATTENDANCE_SHOWN), started.size());
        return SeriesAttendance.of(seriesId, meeting, shown.stream().map(convene::attendance).toList());
    }

    /** The longest range one request may ask for: a series reaches years ahead, a page at most 1,000 of it. */
    private static final java.time.Duration LONGEST_RANGE = java.time.Duration.ofDays(3660);

    /**
     * A series' occurrences from {@code from} (default now) to before {@code to} (default 90 days on), as its rule gives
     * them, made or not yet, cancelled and moved ones marked; {@code limit} a page (default 100), {@code next} the
     * following page's {@code from}.
     */
    private void occurrences(Context ctx) {
        long meeting = Params.id(ctx, "id");
        Series series = recurrences.get(meeting, Params.id(ctx, "seriesId"));
        Instant from = ctx.queryParam("from") == null ? convene.clock().instant() : Bodies.time("from", ctx.queryParam("from"));
        Instant to = ctx.queryParam("to") == null ? from.plus(java.time.Duration.ofDays(90)) : Bodies.time("to", ctx.queryParam("to"));
        if (!to.isAfter(from)) throw RefusedException.invalid("to", "must be after from");
        if (java.time.Duration.between(from, to).compareTo(LONGEST_RANGE) > 0) {
            throw RefusedException.invalid("to", "must be within 10 years of from: ask page by page");
        }
        int limit = Params.limit(ctx);
        java.util.Map<Long, TimeWindow> windows = new java.util.HashMap<>();
        convene.instancesOf(meeting).forEach(i -> windows.put(i.id(), i.window()));
        ctx.json(OccurrencesView.of(series, series.rule().between(from, to, limit + 1), limit, windows));
    }

    private static Instant recurrenceId(Context ctx) {
        return Bodies.time("recurrenceId", ctx.pathParam("recurrenceId"));
    }

    private void split(Context ctx) {
        long meeting = run(ctx);
        long seriesId = Params.id(ctx, "seriesId");
        SplitBody body = Bodies.read(ctx.bodyAsBytes(), SplitBody.class);
        Instant at = Bodies.time("from", body.from());
        var series = recurrences.get(meeting, seriesId);
        var made = recurrences.split(meeting, seriesId, at, Recurrences.changed(series, at, body.rrule(), body.start(),
                body.timeZone(), body.durationMinutes()), UserRoutes.acting(ctx));
        Params.created(ctx, "/meetings/" + meeting + "/series/" + made.id(), SeriesView.of(made, convene.clock().instant()));
    }

    record SplitBody(String from, String rrule, String start, String timeZone, Integer durationMinutes) {}

    /** The meeting of the path, once the caller is found to run it (its owner or an administrator). */
    private long run(Context ctx) {
        return Hosts.meeting(ctx, access);
    }

    private void create(Context ctx) {
        long meeting = run(ctx);
        SeriesBody body = Bodies.read(ctx.bodyAsBytes(), SeriesBody.class);
        var made = recurrences.create(meeting, SeriesRule.of(Bodies.required("rrule", body.rrule()),
                Bodies.required("start", body.start()), Bodies.required("timeZone", body.timeZone()),
                Bodies.required("durationMinutes", body.durationMinutes())), UserRoutes.acting(ctx));
        Params.created(ctx, "/meetings/" + meeting + "/series/" + made.id(), SeriesView.of(made, convene.clock().instant()));
    }

    /** A user's feed, at the secret address calendar apps poll: the token is the only credential. */
    private void userCalendar(Context ctx) {
        var user = convene.user(Authentication.feedOwner(ctx));
        ctx.contentType("text/calendar; charset=utf-8").header("Cache-Control", "private, max-age=300")
                .result(CalendarFeed.of("Convene: " + user.details().name(), calendars.forUser(user),
                        convene.clock().instant()));
    }

    private void calendar(Context ctx) {
        long meeting = Params.id(ctx, "id");
        var m = convene.meeting(meeting);
        ctx.contentType("text/calendar; charset=utf-8").header("Content-Disposition",
                "inline; filename=\"meeting-" + meeting + ".ics\"").result(CalendarFeed.of(m, recurrences.of(meeting),
                convene.instancesOf(meeting), convene.clock().instant()));
    }

    record SeriesBody(String rrule, String start, String timeZone, Integer durationMinutes) {}
}
