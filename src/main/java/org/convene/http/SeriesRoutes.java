package org.convene.http;

import io.javalin.http.Context;
import java.util.Map;
import org.convene.core.Convene;
import org.convene.series.Recurrences;
import org.convene.series.SeriesRule;
import org.convene.view.CalendarFeed;
import org.convene.view.SeriesView;

/** A meeting's recurring series ({@code /meetings/{id}/series}) and its calendar feed ({@code /meetings/{id}/calendar.ics}). */
final class SeriesRoutes {
    private final Convene convene;
    private final Recurrences recurrences;

    SeriesRoutes(Convene convene, Recurrences recurrences) {
        this.convene = convene;
        this.recurrences = recurrences;
    }

    void register(RouteTable routes) {
        routes.post("/meetings/{id}/series", Role.ADMIN, this::create);
        routes.get("/meetings/{id}/series", Role.USER, ctx -> {
            long meeting = Params.id(ctx, "id");
            convene.meeting(meeting);
            ctx.json(recurrences.of(meeting).stream().map(s -> SeriesView.of(s, convene.clock().instant())).toList());
        });
        routes.get("/meetings/{id}/series/{seriesId}", Role.USER, ctx -> ctx.json(SeriesView.of(
                recurrences.get(Params.id(ctx, "id"), Params.id(ctx, "seriesId")), convene.clock().instant())));
        routes.delete("/meetings/{id}/series/{seriesId}", Role.ADMIN, ctx -> ctx.json(Map.of("deletedInstances",
                recurrences.delete(Params.id(ctx, "id"), Params.id(ctx, "seriesId")))));
        routes.get("/meetings/{id}/calendar.ics", Role.USER, this::calendar);
    }

    private void create(Context ctx) {
        long meeting = Params.id(ctx, "id");
        SeriesBody body = Bodies.read(ctx.bodyAsBytes(), SeriesBody.class);
        var made = recurrences.create(meeting, SeriesRule.of(Bodies.required("rrule", body.rrule()),
                Bodies.required("start", body.start()), Bodies.required("timeZone", body.timeZone()),
                Bodies.required("durationMinutes", body.durationMinutes())));
        Params.created(ctx, "/meetings/" + meeting + "/series/" + made.id(), SeriesView.of(made, convene.clock().instant()));
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
