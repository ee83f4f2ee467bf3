package org.convene.http;

import static org.convene.http.Authentication.caller;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.convene.core.Access;
import org.convene.core.Caller;
import org.convene.http.live.FeedHub;
import org.convene.http.live.PositionVector;
import org.convene.http.live.SseStream;
import org.convene.model.FeedEntry;
import org.convene.model.InstanceActivity;
import org.convene.model.RefusedException;
import org.convene.model.StreamPosition;

/**
 * The live streams, as server-sent events. Every instance a stream names, by path or in a resume
 * position, passes {@link Access#requireInside} or {@link Access#seesInside} first; while a stream
 * is open, its access is rechecked every second (the feed hub's guard), so a rotated token, a
 * deleted user or a removal from the audience ends what it may no longer see.
 */
final class StreamRoutes {
    /**
     * A client further behind than this is cut off and resumes from its last event id: 16 MB is a
     * catch-up of the whole capped feed several times over; 30 s of lag is no longer live.
     */
    private static final long MAX_QUEUED_BYTES = 16L << 20;
    private static final Duration MAX_LAG = Duration.ofSeconds(30);

    private final Access access;
    private final FeedHub feeds;

    StreamRoutes(Access access, FeedHub feeds) {
        this.access = access;
        this.feeds = feeds;
    }

    void register(RouteTable routes) {
        routes.get("/instances/{id}/stream", Role.USER, this::instanceStream);
        routes.get("/stream", Role.USER, this::everythingStream);
    }

    /** Live: joins, leaves, timeouts, chat, activation and end of one instance. */
    private void instanceStream(Context ctx) throws Exception {
        acceptsEvents(ctx);
        long instance = Params.id(ctx, "id");
        access.requireInside(caller(ctx), instance);
        String resume = Params.lastEventId(ctx);
        StreamPosition from = resume == null || resume.isBlank() ? StreamPosition.START
                : StreamPosition.parse("Last-Event-ID", resume);
        String token = Authentication.token(ctx);
        long user = caller(ctx).root() ? 0 : caller(ctx).userId();
        stream(ctx, client -> feeds.subscribeInstance(client, token, user, instance, from, lobbyShown(caller(ctx))));
    }

    /**
     * Live: every instance being scheduled, activated, ended or deleted, and the joins, leaves,
     * timeouts and chat of every instance the caller may see inside. Event ids are position vectors.
     * With {@code scope=lifecycle}, only the former, with plain stream ids: what a list of meetings
     * needs, at the cost of one feed however many instances are active.
     */
    private void everythingStream(Context ctx) throws Exception {
        acceptsEvents(ctx);
        Caller caller = caller(ctx);
        PositionVector from = PositionVector.parse(Params.lastEventId(ctx));
        String token = Authentication.token(ctx);
        String scope = ctx.queryParam("scope");
        if ("lifecycle".equals(scope)) {
            // A vector from a full stream resumes here too: its lifecycle position is all that counts.
            stream(ctx, client -> feeds.subscribeLifecycle(client, token, from.lifecycle()));
        } else if (scope == null || scope.equals("all")) {
            stream(ctx, client -> feeds.subscribeEverything(client, token, from,
                    instance -> access.seesInside(caller, instance), lobbyShown(caller)));
        } else {
            throw RefusedException.invalid("scope", "must be 'all' or 'lifecycle'");
        }
    }

    /** Which lobby entries the caller is sent: the hosts every one, anyone else their own (Access decides). */
    private Predicate<FeedEntry> lobbyShown(Caller caller) {
        return entry -> entry instanceof InstanceActivity a && access.seesLobbyEntry(caller, a.meetingId(), a.userId());
    }

    /**
     * Turns the response into an event stream fed by {@code subscribe}, written without blocking; a
     * subscription that fails closes the stream. A HEAD gets the stream's headers alone.
     */
    private static void stream(Context ctx, Consumer<SseStream> subscribe) {
        // A HEAD is answered as its GET would start, once every check has passed, with no stream behind
        // it: one opened would never end.
        if (ctx.method() == HandlerType.HEAD) {
            ctx.contentType("text/event-stream");
            return;
        }
        SseStream.open(ctx, MAX_QUEUED_BYTES, MAX_LAG, subscribe);
    }

    /** Javalin streams only to clients that ask for events; anyone else is told so rather than sent nothing. */
    private static void acceptsEvents(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new HttpProblem(406, "not-acceptable", "This is a stream: send 'Accept: text/event-stream'");
        }
    }
}
