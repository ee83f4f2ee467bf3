package org.convene.http;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The console's session cookie and the defence that comes with it. The cookie is HttpOnly (no script reads it),
 * SameSite=Strict (no other site's page sends it), Secure when the request came over HTTPS, and holds a session's
 * value whose hash alone is stored. A request authenticated by it that changes something must also come from
 * Convene's own pages: its {@code Origin} (which browsers send with every such request and pages cannot forge)
 * must be this server's, and {@code Sec-Fetch-Site}, where sent, must say same-origin. Bearer tokens need neither.
 */
final class SessionCookie {
    static final String NAME = "convene_session";
    static final String LOGIN = "convene_login";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private SessionCookie() {}

    /** The session cookie's value, or null when the request carries none. */
    static String of(Context ctx) {
        String value = ctx.cookie(NAME);
        return value == null || value.isBlank() ? null : value;
    }

    /** Refuses a request that changes something on a session cookie's strength but comes from another origin. */
    static void requireSameOrigin(Context ctx) {
        if (SAFE.contains(ctx.method())) return;
        String origin = ctx.header("Origin");
        if (origin == null) throw crossOrigin("the request says no Origin");
        refuseForeign(ctx, List.of());
    }

    /**
     * Refuses a request from another site's page (its Origin, or Sec-Fetch-Site, says so) unless that origin is one
     * allowed to call the API: for the sign-in routes, which take no credential, so that no other site can sign a
     * visitor in as someone else (a form posted there would otherwise set the session cookie). Requests without an
     * Origin (scripts, the command line) pass.
     */
    static void refuseForeign(Context ctx, List<String> allowed) {
        String site = ctx.header("Sec-Fetch-Site");
        String origin = ctx.header("Origin");
        if (origin != null && allowed.contains(origin)) return;
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw crossOrigin("the request came from a " + site + " page");
        }
        if (origin == null) return;
        String host = ctx.header("Host");
        String originHost;
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) throw crossOrigin("its Origin is " + origin);
            originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            throw crossOrigin("its Origin is not a URL");
        }
        if (host == null || !originHost.equalsIgnoreCase(host)) throw crossOrigin(origin + " is another origin");
    }

    private static HttpProblem crossOrigin(String why) {
        return new HttpProblem(403, "cross-origin", "Signing in, and changes on a session cookie's strength, are taken "
                + "only from Convene's own pages (" + why + "); scripts send 'Authorization: Bearer <token>'");
    }

    /** Sets the session cookie to {@code value}, kept by the browser as long as the session can last. */
    static void set(Context ctx, String value, Duration lifetime) {
        Cookie cookie = new Cookie(NAME, value, "/", (int) lifetime.toSeconds(), secure(ctx), true, null, SameSite.STRICT);
        ctx.cookie(cookie);
    }

    /** Tells the browser to forget the session cookie. */
    static void clear(Context ctx) {
        Cookie cookie = new Cookie(NAME, "", "/", 0, secure(ctx), true, null, SameSite.STRICT);
        ctx.cookie(cookie);
    }

    /**
     * Keeps the state of a sign-in started in this browser, so that the callback is taken only in the browser that
     * started it: SameSite=Lax, since the provider's redirect back is a navigation from another site.
     */
    static void setLogin(Context ctx, String state) {
        Cookie cookie = new Cookie(LOGIN, state, "/auth", 600, secure(ctx), true, null, SameSite.LAX);
        ctx.cookie(cookie);
    }

    /** Forgets the sign-in's state once the callback was taken. */
    static void clearLogin(Context ctx) {
        Cookie cookie = new Cookie(LOGIN, "", "/auth", 0, secure(ctx), true, null, SameSite.LAX);
        ctx.cookie(cookie);
    }

    /** Whether the browser reached this server over HTTPS (directly or through a proxy that says so). */
    static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
