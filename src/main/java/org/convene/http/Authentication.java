package org.convene.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.util.Locale;
import java.util.Set;
import org.convene.core.Access;
import org.convene.core.Caller;
import org.convene.core.Tokens;
import org.convene.model.Refusal;

/**
 * Runs before every matched route: refuses oversized and non-JSON bodies from their headers, finds
 * the caller from the bearer token, and holds the route to its {@link Role}. The finer rules are
 * {@link Access}'s, called by the routes.
 */
final class Authentication {
    private static final String CALLER = "convene.caller";
    private static final String TOKEN = "convene.token";

    private final Tokens tokens;
    private final Access access;
    private final long maxBodyBytes;

    Authentication(Tokens tokens, Access access, long maxBodyBytes) {
        this.tokens = tokens;
        this.access = access;
        this.maxBodyBytes = maxBodyBytes;
    }

    void before(Context ctx) {
        // Refused from the headers alone: a client that sent Expect: 100-continue never sends the body.
        if (ctx.req().getContentLengthLong() > maxBodyBytes) {
            throw new HttpProblem(413, "payload-too-large", "The body is larger than " + maxBodyBytes + " bytes");
        }
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty() || roles.contains(Role.OPEN)) return;
        requireJsonBody(ctx);
        String token = bearer(ctx);
        Caller caller = tokens.authenticate(token);
        ctx.attribute(CALLER, caller);
        ctx.attribute(TOKEN, token);
        if (roles.contains(Role.ADMIN)) access.requireAdmin(caller);
    }

    /** The caller of an authenticated route. */
    static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) throw Refusal.UNAUTHORIZED.refuse("Send 'Authorization: Bearer <token>'");
        return caller;
    }

    /** The token the caller sent, for rechecking a stream's access while it stays open. */
    static String token(Context ctx) {
        String token = ctx.attribute(TOKEN);
        if (token == null) throw Refusal.UNAUTHORIZED.refuse("Send 'Authorization: Bearer <token>'");
        return token;
    }

    /** The caller if the request carried a valid token, for the request log; else null. */
    static Caller callerIfKnown(Context ctx) {
        return ctx.attribute(CALLER);
    }

    private static String bearer(Context ctx) {
        String authorization = ctx.header("Authorization");
        // A browser's EventSource cannot send headers, so streams also take the token from the query.
        if (authorization == null && ctx.path().endsWith("/stream") && ctx.queryParam("access_token") != null) {
            return ctx.queryParam("access_token");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw Refusal.UNAUTHORIZED.refuse("Send 'Authorization: Bearer <token>'");
        }
        return authorization.substring(7);
    }

    private static void requireJsonBody(Context ctx) {
        HandlerType method = ctx.method();
        boolean hasBody = ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
        if ((method == HandlerType.POST || method == HandlerType.PUT) && hasBody) {
            String type = ctx.contentType();
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                throw new HttpProblem(415, "unsupported-media-type", "Send the body as application/json");
            }
        }
    }
}
