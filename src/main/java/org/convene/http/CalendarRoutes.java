package org.convene.http;

import java.time.Duration;
import java.time.Instant;
import org.convene.core.Access;
import org.convene.core.Calendars;
import org.convene.core.Convene;
import org.convene.model.RefusedException;
import org.convene.view.PersonalCalendar;

/**
 * A person's calendar as JSON ({@code GET /users/{id}/calendar?from=&to=}, themselves or an administrator): what their
 * calendar feed carries, for one range, with the occurrences series will make beyond the 60 days ahead that instances
 * are made. The console's week and month views read it.
 */
final class CalendarRoutes {
    /** The longest range one request may ask for: a month view's six weeks, and a little more. */
    static final Duration LONGEST = Duration.ofDays(62);

    private final Convene convene;
    private final Calendars calendars;
    private final Access access;

    CalendarRoutes(Convene convene, Calendars calendars, Access access) {
        this.convene = convene;
        this.calendars = calendars;
        this.access = access;
    }

    void register(RouteTable routes) {
        routes.get("/users/{id}/calendar", Role.USER, ctx -> {
            long user = Params.id(ctx, "id");
            access.requireActingAs(Authentication.caller(ctx), user);
            Instant from = Bodies.time("from", required(ctx.queryParam("from"), "from"));
            Instant to = Bodies.time("to", required(ctx.queryParam("to"), "to"));
            if (!to.isAfter(from)) throw RefusedException.invalid("to", "must be after from");
            if (Duration.between(from, to).compareTo(LONGEST) > 0) {
                throw RefusedException.invalid("to", "must be within 62 days of from: ask month by month");
            }
            ctx.json(PersonalCalendar.of(calendars.forUser(convene.user(user)), from, to));
        });
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) throw RefusedException.invalid(field, "must be given, as an instant such as 2026-12-07T00:00:00Z");
        return value;
    }
}
