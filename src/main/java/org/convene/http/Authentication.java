package org.convene.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.convene.core.Access;
import org.convene.core.Caller;
import org.convene.core.SignInLimit;
import org.convene.model.Refusal;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * Runs before every matched route: refuses oversized and non-JSON bodies from their headers, finds
 * the caller from the bearer token, else the console's session cookie (held to {@link SessionCookie}'s origin rule;
 * failed sign-ins limited per client address either way), and holds the route
 * to its {@link Role}. The finer rules are {@link Access}'s, called by the routes.
 */
final class Authentication {
    private static final String CALLER = "convene.caller";
    private static final String TOKEN = "convene.token";
    private static final String FEED_OWNER = "convene.feedOwner";
    private static final Duration BODY_IDLE = Duration.ofSeconds(2);
    private static final Set<HandlerType> BODY_METHODS = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH);

    private final SignInLimit signIn;
    private final Access access;
    private final ServerSettings settings;

    Authentication(SignInLimit signIn, Access access, ServerSettings settings) {
        this.signIn = signIn;
        this.access = access;
        this.settings = settings;
    }

    void before(Context ctx) {
        // Refused from the headers alone: a client that sent Expect: 100-continue never sends the body.
        if (ctx.req().getContentLengthLong() > settings.limits().maxBodyBytes()) {
            throw new HttpProblem(413, "payload-too-large", "The body is larger than " + settings.limits().maxBodyBytes() + " bytes");
        }
        if (hasBody(ctx)) shortenIdleWhileReadingBody(ctx);
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.contains(Role.FEED)) {
            ctx.attribute(FEED_OWNER, signIn.feedOwner(feedToken(ctx.pathParam("file")), ctx.ip()));
            return;
        }
        if (roles.isEmpty() || roles.contains(Role.OPEN)) {
            // The open routes that take a body sign people in: JSON only, and never from another site's page.
            if (BODY_METHODS.contains(ctx.method())) {
                requireJsonBody(ctx);
                SessionCookie.refuseForeign(ctx, settings.admission().corsOrigins());
            }
            return;
        }
        if (roles.contains(Role.METRICS) && (settings.admission().metricsPublic() || isMetricsToken(bearerIfAny(ctx)))) return;
        requireJsonBody(ctx);
        String token = bearerIfAny(ctx);
        if (token == null && (token = SessionCookie.of(ctx)) != null) SessionCookie.requireSameOrigin(ctx);
        Caller caller = signIn.authenticate(token, ctx.ip());
        ctx.attribute(CALLER, caller);
        ctx.attribute(TOKEN, token);
        access.requireGuestScope(caller, ctx.path());
        if (roles.contains(Role.ADMIN) || roles.contains(Role.METRICS)) access.requireAdmin(caller);
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

    private boolean isMetricsToken(String token) {
        Optional<String> expected = settings.admission().metricsToken();
        return token != null && expected.isPresent() && MessageDigest.isEqual(
                token.trim().getBytes(StandardCharsets.UTF_8), expected.get().getBytes(StandardCharsets.UTF_8));
    }

    /** The bearer token of the request, or null when it sent none (a malformed header counts as none). */
    private static String bearerIfAny(Context ctx) {
        String authorization = ctx.header("Authorization");
        // A browser's EventSource cannot send headers, so streams also take the token from the query.
        if (authorization == null && ctx.path().endsWith("/stream") && ctx.queryParam("access_token") != null) {
            return ctx.queryParam("access_token");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        return authorization.substring(7);
    }

    /** The user whose calendar feed a {@link Role#FEED} route's path opens, as the sign-in found them. */
    static long feedOwner(Context ctx) {
        Long owner = ctx.attribute(FEED_OWNER);
        if (owner == null) throw new IllegalStateException("no feed owner: the route is not a Role.FEED route");
        return owner;
    }

    /** The token of a feed's file name, {@code <token>.ics}; empty for any other name, which no token matches. */
    private static String feedToken(String file) {
        return file.endsWith(".ics") ? file.substring(0, file.length() - 4) : "";
    }

    private static boolean hasBody(Context ctx) {
        return ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
    }

    /**
     * A body that stops coming for {@link #BODY_IDLE} ends the request: a thread blocked reading it is
     * freed that soon, however slowly the client trickles (the minimum data rate then cuts it off at
     * its next byte). Restored for the connection's next request by {@link #restoreIdle}.
     */
    private void shortenIdleWhileReadingBody(Context ctx) {
        ServletContextRequest request =
                ServletContextRequest.getServletContextRequest(ctx.req());
        if (request != null) request.getConnectionMetaData().getConnection().getEndPoint().setIdleTimeout(BODY_IDLE.toMillis());
    }

    /** Gives the connection its ordinary idle timeout back once a request with a body has been handled. */
    void restoreIdle(Context ctx) {
        if (!hasBody(ctx)) return;
        ServletContextRequest request =
                ServletContextRequest.getServletContextRequest(ctx.req());
        if (request != null) {
            request.getConnectionMetaData().getConnection().getEndPoint().setIdleTimeout(settings.timings().idleTimeout().toMillis());
        }
    }

    private static void requireJsonBody(Context ctx) {
        if (BODY_METHODS.contains(ctx.method()) && hasBody(ctx) && !isJson(ctx.contentType())) {
            throw new HttpProblem(415, "unsupported-media-type", "Send the body as application/json");
        }
    }

    /** Whether a Content-Type is JSON's: {@code application/json} exactly, with parameters (a charset) or none. */
    static boolean isJson(String contentType) {
        return contentType != null && contentType.split(";", 2)[0].strip().equalsIgnoreCase("application/json");
    }
}
