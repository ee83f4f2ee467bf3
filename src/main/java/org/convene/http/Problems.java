package org.convene.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import org.convene.core.StoreUnavailableException;
import org.convene.model.RefusedException;
import org.convene.view.Json;
import org.convene.view.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every failure as an RFC 9457 problem document: refusals, HTTP's own problems, Javalin's, an unreachable store, bugs. */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    private static final int STORE_RETRY_SECONDS = 5;

    private Problems() {}

    static void register(RoutesConfig routes, MeterRegistry metrics, RefusalSampler privileged) {
        routes.exception(RefusedException.class, (e, ctx) -> {
            Counter.builder("convene_refusals").tag("type", e.refusal().name()).register(metrics).increment();
            privileged.refused(ctx, e);
            answer(ctx, Problem.of(e, ctx.path()), e.retryAfterSeconds());
        });
        routes.exception(HttpProblem.class, (e, ctx) -> answer(ctx, Problem.of(e.type, e.status, e.getMessage(), ctx.path()), 0));
        routes.exception(HttpResponseException.class, (e, ctx) -> fromJavalin(ctx, e));
        routes.exception(StoreUnavailableException.class, (e, ctx) -> {
            LOG.error("Store unavailable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            answer(ctx, Problem.of("store-unavailable", 503, "The data store cannot be reached", ctx.path()),
                    STORE_RETRY_SECONDS);
        });
        routes.exception(Exception.class, (e, ctx) -> {
            if (clientWentAway(e)) {
                // A client that hung up mid-body is not a fault of the server: a quiet answer it will never read.
                LOG.debug("Incomplete request on {} {}: {}", ctx.method(), ctx.path(), e.toString());
                answer(ctx, Problem.of("incomplete-body", 400, "The request body ended before its declared length",
                        ctx.path()), 0);
                return;
            }
            LOG.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
            answer(ctx, Problem.of("internal-error", 500, "Something went wrong; it has been logged", ctx.path()), 0);
        });
    }

    /** Whether reading the request failed because the client stopped sending: an I/O failure anywhere in the causes. */
    private static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t.getClass().getName().endsWith("BadMessageException")) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    private static void fromJavalin(Context ctx, HttpResponseException e) {
        int status = e.getStatus();
        String type = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "payload-too-large";
            default -> "http-" + status;
        };
        String detail = switch (status) {
            case 404 -> "No such resource: " + ctx.method() + " " + ctx.path();
            case 413 -> "The body is larger than this server accepts";
            default -> e.getMessage();
        };
        answer(ctx, Problem.of(type, status, detail, ctx.path()), 0);
    }

    /** Answers with a problem document; a 401 says which scheme, a 429 or 503 when to try again. */
    static void answer(Context ctx, Problem problem, int retryAfterSeconds) {
        if (problem.status() == 401) ctx.header("WWW-Authenticate", "Bearer");
        if (retryAfterSeconds > 0) ctx.header("Retry-After", Integer.toString(retryAfterSeconds));
        ctx.status(problem.status()).contentType("application/problem+json").result(Json.toString(problem));
    }
}
