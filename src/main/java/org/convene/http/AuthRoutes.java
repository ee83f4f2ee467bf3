package org.convene.http;

import static org.convene.http.Authentication.caller;

import io.javalin.http.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.convene.core.Caller;
import org.convene.core.ProviderLogin;
import org.convene.core.SignIns;
import org.convene.core.Tokens;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;

/**
 * Signing in and out of the console: how one may sign in ({@code /auth/methods}), the sign-in through the identity
 * provider ({@code /auth/login}, then its {@code /auth/callback} on any node, ending in a session cookie), signing
 * out of this browser or everywhere, and an administrator ending someone's sessions.
 */
final class AuthRoutes {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuthRoutes.class);
    private static final int MAX_RETURN = 300;

    private final SignIns signIns;
    private final Tokens tokens;
    private final Optional<ProviderLogin> provider;
    private final boolean passwords;
    /** Sign-ins started per client address. */
    private final org.convene.core.RateLimit<String> starts;
    private static final int STARTS_PER_MINUTE = 30;

    AuthRoutes(SignIns signIns, Tokens tokens, Optional<ProviderLogin> provider, boolean passwords, java.time.Clock clock) {
        this.starts = new org.convene.core.RateLimit<>(STARTS_PER_MINUTE, clock);
        this.passwords = passwords;
        this.signIns = signIns;
        this.tokens = tokens;
        this.provider = provider;
    }

    /** How one may sign in: through the provider (its name and where to start), with e-mail and password, and with a token. */
    record Methods(ProviderView provider, boolean password, boolean token, long sessionIdleMinutes) {}

    /** The identity provider as the console offers it. */
    record ProviderView(String name, String login) {}

    /** Signed out: where to send the browser to end the provider's session too, if anywhere. */
    record SignedOut(boolean signedOut, String provider) {}

    /** Sessions ended at once. */
    record Ended(long ended) {}

    void register(RouteTable routes) {
        routes.get("/auth/methods", Role.OPEN, ctx -> ctx.json(new Methods(
                provider.map(p -> new ProviderView(p.name(), "/auth/login")).orElse(null), passwords, true,
                signIns.sessionIdle().toMinutes())));
        routes.get("/auth/login", Role.OPEN, this::login);
        routes.get("/auth/callback", Role.OPEN, this::callback);
        routes.post("/auth/sign-out", Role.USER, ctx -> {
            String session = SessionCookie.of(ctx);
            signIns.endSession(session);
            tokens.forgetToken(session);
            SessionCookie.clear(ctx);
            String endProvider = null;
            if (session != null && provider.isPresent()) {
                try {
                    endProvider = provider.get().signOut(own(ctx, provider.get(), "/")).map(URI::toString).orElse(null);
                } catch (RefusedException unreachable) {
                    // Signed out of Convene all the same; the provider's own session stays.
                }
            }
            ctx.header("Cache-Control", "no-store").json(new SignedOut(true, endProvider));
        });
        routes.post("/auth/sign-out-everywhere", Role.USER, ctx -> {
            Caller caller = caller(ctx);
            if (caller.root() || caller.guest()) {
                throw Refusal.INVALID_INPUT.refuse("Only a person who signs in has sessions to end");
            }
            long ended = signIns.endEverywhere(caller.userId(), UserRoutes.acting(ctx));
            tokens.forget(caller.userId());
            SessionCookie.clear(ctx);
            ctx.json(new Ended(ended));
        });
        routes.delete("/users/{id}/sessions", Role.ADMIN, ctx -> {
            long user = Params.id(ctx, "id");
            long ended = signIns.endEverywhere(user, UserRoutes.acting(ctx));
            tokens.forget(user);
            ctx.json(new Ended(ended));
        });
    }

    /** Starts the sign-in through the provider: remembers its state in this browser and sends the browser there. */
    private void login(Context ctx) {
        ProviderLogin login = provider.orElseThrow(() -> new HttpProblem(404, "no-identity-provider",
                "No identity provider is configured: sign in with a token"));
        // Each start keeps a sign-in in Redis for ten minutes: an address may start so many a minute, no more.
        int wait = starts.take(ctx.ip());
        if (wait > 0) {
            throw org.convene.model.RefusedException.rateLimited("Too many sign-ins started from this address; try again in "
                    + wait + " s", wait);
        }
        String returnTo = ctx.queryParam("returnTo");
        if (returnTo == null || !returnTo.startsWith("#/") || returnTo.length() > MAX_RETURN) returnTo = "#/";
        ProviderLogin.Started started = login.start(own(ctx, login, "/auth/callback"), returnTo);
        SessionCookie.setLogin(ctx, started.state());
        ctx.header("Cache-Control", "no-store").redirect(started.authorize().toString(), io.javalin.http.HttpStatus.FOUND);
    }

    /**
     * Takes the provider's answer, on whichever node it reaches: only in the browser that started the sign-in, once;
     * then the session cookie, and back to the console. A failure goes back to the console's sign-in with its reason.
     */
    private void callback(Context ctx) {
        ProviderLogin login = provider.orElseThrow(() -> new HttpProblem(404, "no-identity-provider",
                "No identity provider is configured: sign in with a token"));
        ctx.header("Cache-Control", "no-store");
        String state = ctx.queryParam("state");
        try {
            if (ctx.queryParam("error") != null) {
                throw Refusal.SIGN_IN_FAILED.refuse("The identity provider did not sign you in ("
                        + shortly(ctx.queryParam("error")) + ")");
            }
            String started = ctx.cookie(SessionCookie.LOGIN);
            if (state == null || started == null || !java.security.MessageDigest.isEqual(
                    state.getBytes(StandardCharsets.UTF_8), started.getBytes(StandardCharsets.UTF_8))) {
                throw Refusal.SIGN_IN_FAILED.refuse("This sign-in was not started in this browser, or it expired: start again");
            }
            String code = ctx.queryParam("code");
            if (code == null || code.isBlank()) throw Refusal.SIGN_IN_FAILED.refuse("The identity provider sent no code");
            ProviderLogin.Finished finished = login.finish(state, code, RequestIds.of(ctx));
            SessionCookie.clearLogin(ctx);
            SessionCookie.set(ctx, finished.session(), signIns.sessionMax());
            ctx.redirect("/" + finished.returnTo(), io.javalin.http.HttpStatus.FOUND);
        } catch (RefusedException failed) {
            SessionCookie.clearLogin(ctx);
            // The console says it in fixed words by a code: nothing of the address reaches the page as text.
            LOG.info("A sign-in through the identity provider failed: {}", failed.getMessage());
            ctx.redirect("/?signInError=" + code(failed) + "#/", io.javalin.http.HttpStatus.FOUND);
        }
    }

    /** Convene's address for {@code path}: the public one where configured, else this server's as the browser reached it. */
    private static URI own(Context ctx, ProviderLogin login, String path) {
        if (login.publicUrl().isPresent()) return URI.create(login.publicUrl().get() + path);
        String scheme = SessionCookie.secure(ctx) ? "https" : ctx.scheme();
        return URI.create(scheme + "://" + ctx.host() + path);
    }

    /** Why a sign-in failed, as the console's sign-in screen tells it. */
    private static String code(RefusedException failed) {
        if (failed.refusal() == Refusal.PROVIDER_UNAVAILABLE) return "unavailable";
        if (failed.refusal() == Refusal.UNAUTHORIZED) return "account";
        return failed.getMessage().endsWith("start again") ? "again" : "refused";
    }

    /** An OAuth error code as it may be shown: printable ASCII, at most 60 characters. */
    private static String shortly(String code) {
        String printable = code.replaceAll("[^\\x20-\\x7e]", "");
        return printable.length() <= 60 ? printable : printable.substring(0, 60);
    }
}
