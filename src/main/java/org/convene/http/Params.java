package org.convene.http;

import io.javalin.http.Context;
import java.util.OptionalLong;
import org.convene.model.Ids;
import org.convene.model.RefusedException;
import org.convene.model.TimeWindow;

/** Request parameters: path ids, paging cursors, limits, windows and preconditions, each refused by name when bad. */
final class Params {
    static final int DEFAULT_LIMIT = 100;

    private Params() {}

    static long id(Context ctx, String name) {
        return Ids.parse(name, ctx.pathParam(name));
    }

    static long positive(String field, Long value) {
        if (Bodies.required(field, value) <= 0) {
            throw RefusedException.invalid(field, "must be a positive integer, was " + value);
        }
        return value;
    }

    static long after(Context ctx) {
        String after = ctx.queryParam("after");
        return after == null || after.equals("0") ? 0 : Ids.parse("after", after);
    }

    /** The scroll-back cursor, if given; it excludes {@code after}, which pages the other way. */
    static Long before(Context ctx) {
        String before = ctx.queryParam("before");
        if (before == null) return null;
        if (ctx.queryParam("after") != null) throw RefusedException.invalid("before", "cannot be combined with after");
        return Ids.parse("before", before);
    }

    static int limit(Context ctx) {
        String limit = ctx.queryParam("limit");
        if (limit == null) return DEFAULT_LIMIT;
        if (!limit.matches("\\d{1,4}")) throw RefusedException.invalid("limit", "must be between 1 and 1000");
        return Integer.parseInt(limit);
    }

    static TimeWindow window(Context ctx) {
        Bodies.WindowBody body = Bodies.read(ctx.bodyAsBytes(), Bodies.WindowBody.class);
        return new TimeWindow(Bodies.time("from", body.from()), Bodies.time("to", body.to()));
    }

    static OptionalLong ifMatch(Context ctx) {
        String match = ctx.header("If-Match");
        if (match == null || match.trim().equals("*")) return OptionalLong.empty();
        String value = match.trim();
        if (value.startsWith("W/")) value = value.substring(2);
        if (!value.matches("\"\\d{1,18}\"")) throw HttpProblem.badRequest("If-Match must be an ETag such as \"3\"");
        return OptionalLong.of(Long.parseLong(value.substring(1, value.length() - 1)));
    }

    /** The resume position a stream client sent: the {@code Last-Event-ID} header, or {@code lastEventId} for EventSource. */
    static String lastEventId(Context ctx) {
        String header = ctx.header("Last-Event-ID");
        return header != null ? header : ctx.queryParam("lastEventId");
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    static void created(Context ctx, String location, Object body) {
        ctx.status(201).header("Location", location).json(body);
    }
}
