package org.convene.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/** The id an audit record gives the request that made it: the client's {@code X-Request-Id} if sane, else a new one. */
final class RequestIds {
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {}

    /** Returns the request's id, answering it in {@code X-Request-Id} so that the client can find the record. */
    static String of(Context ctx) {
        String given = ctx.header("X-Request-Id");
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.header("X-Request-Id", id);
        return id;
    }
}
