package org.convene.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import java.util.List;
import java.util.OptionalLong;
import org.convene.core.Convene;
import org.convene.core.MeetingStore;
import org.convene.model.ChatMessage;
import org.convene.model.Event;
import org.convene.model.Ids;
import org.convene.model.Meeting;
import org.convene.model.MeetingDetails;
import org.convene.model.MeetingInstance;
import org.convene.model.RefusedException;
import org.convene.model.TimeWindow;
import org.convene.model.User;
import org.convene.model.UserDetails;

/**
 * The REST resources, each a thin mapping onto {@link Convene}. Who may do what is checked here:
 * the administrator anything; a user acts only as themselves, and sees a private meeting's
 * participants, chat and events only when in its audience.
 */
final class ApiRoutes {
    static final String CALLER = "convene.caller";

    private final Convene convene;
    private final MeetingStore store;
    private final Tokens tokens;
    private final ChatRateLimiter chatLimit;
    private final FeedHub feeds;

    ApiRoutes(Convene convene, MeetingStore store, Tokens tokens, ChatRateLimiter chatLimit, FeedHub feeds) {
        this.feeds = feeds;
        this.convene = convene;
        this.store = store;
        this.tokens = tokens;
        this.chatLimit = chatLimit;
    }

    void register(RoutesConfig routes) {
        routes.get("/me", this::me);
        routes.get("/users", this::listUsers);
        routes.post("/users", this::createUser);
        routes.get("/users/{id}", this::getUser);
        routes.put("/users/{id}", this::updateUser);
        routes.delete("/users/{id}", this::deleteUser);
        routes.post("/users/{id}/token", this::rotateToken);
        routes.get("/users/{id}/events", this::eventsOfUser);

        routes.get("/meetings", this::listMeetings);
        routes.post("/meetings", this::createMeeting);
        routes.get("/meetings/{id}", this::getMeeting);
        routes.put("/meetings/{id}", this::updateMeeting);
        routes.delete("/meetings/{id}", this::deleteMeeting);
        routes.get("/meetings/{id}/instances", this::listInstances);
        routes.post("/meetings/{id}/instances", this::createInstance);

        routes.get("/instances/{id}", this::getInstance);
        routes.put("/instances/{id}", this::updateInstance);
        routes.delete("/instances/{id}", this::deleteInstance);
        routes.get("/instances/{id}/participants", this::participants);
        routes.post("/instances/{id}/participants", this::join);
        routes.delete("/instances/{id}/participants/{userId}", this::leave);
        routes.post("/instances/{id}/end", this::end);
        routes.get("/instances/{id}/messages", this::chat);
        routes.post("/instances/{id}/messages", this::post);
        routes.get("/instances/{id}/events", this::eventsOfInstance);

        routes.get("/instances/{id}/stream", this::instanceStream);
        routes.get("/stream", this::everythingStream);

        routes.get("/active-instances", this::activeInstances);
        routes.get("/join-times", this::joinTimes);
    }

    // ---- users -------------------------------------------------------------------------------

    /** Who the token belongs to: what a client needs to know before it shows what the caller may do. */
    private void me(Context ctx) {
        Caller caller = caller(ctx);
        ctx.json(new Views.Me(caller.admin(), caller.admin() ? null : Views.UserView.of(convene.user(caller.userId()))));
    }

    private void listUsers(Context ctx) {
        admin(ctx);
        ctx.json(convene.users(after(ctx), limit(ctx)).stream().map(Views.UserView::of).toList());
    }

    private void createUser(Context ctx) {
        admin(ctx);
        User user = convene.createUser(userDetails(Json.read(ctx.bodyAsBytes(), Json.UserBody.class)));
        String token = tokens.issue(user.id());
        created(ctx, "/users/" + user.id(), new Views.CreatedUser(Views.UserView.of(user), token));
    }

    private void getUser(Context ctx) {
        long id = id(ctx, "id");
        self(ctx, id);
        User user = convene.user(id);
        ctx.header("ETag", etag(user.version())).json(Views.UserView.of(user));
    }

    private void updateUser(Context ctx) {
        admin(ctx);
        long id = id(ctx, "id");
        User user = convene.updateUser(id, userDetails(Json.read(ctx.bodyAsBytes(), Json.UserBody.class)), ifMatch(ctx));
        ctx.header("ETag", etag(user.version())).json(Views.UserView.of(user));
    }

    private void deleteUser(Context ctx) {
        admin(ctx);
        convene.deleteUser(id(ctx, "id"));
        ctx.status(204);
    }

    private void rotateToken(Context ctx) {
        admin(ctx);
        long id = id(ctx, "id");
        convene.user(id);
        ctx.json(new Views.TokenView(id, tokens.issue(id)));
    }

    private void eventsOfUser(Context ctx) {
        long id = id(ctx, "id");
        self(ctx, id);
        ctx.json(convene.eventsOfUser(id).stream().map(Views.EventView::of).toList());
    }

    private static UserDetails userDetails(Json.UserBody body) {
        return new UserDetails(Json.required("name", body.name()), Json.required("age", body.age()),
                body.gender() == null ? "" : body.gender(), Json.required("email", body.email()));
    }

    // ---- meetings ----------------------------------------------------------------------------

    private void listMeetings(Context ctx) {
        Caller caller = caller(ctx);
        ctx.json(convene.meetings(after(ctx), limit(ctx)).stream().map(m -> Views.MeetingView.of(m, caller)).toList());
    }

    private void createMeeting(Context ctx) {
        Caller caller = admin(ctx);
        Meeting meeting = convene.createMeeting(meetingDetails(Json.read(ctx.bodyAsBytes(), Json.MeetingBody.class)));
        created(ctx, "/meetings/" + meeting.id(), Views.MeetingView.of(meeting, caller));
    }

    private void getMeeting(Context ctx) {
        Meeting meeting = convene.meeting(id(ctx, "id"));
        ctx.header("ETag", etag(meeting.version())).json(Views.MeetingView.of(meeting, caller(ctx)));
    }

    private void updateMeeting(Context ctx) {
        Caller caller = admin(ctx);
        Meeting meeting = convene.updateMeeting(id(ctx, "id"),
                meetingDetails(Json.read(ctx.bodyAsBytes(), Json.MeetingBody.class)), ifMatch(ctx));
        ctx.header("ETag", etag(meeting.version())).json(Views.MeetingView.of(meeting, caller));
    }

    private void deleteMeeting(Context ctx) {
        admin(ctx);
        convene.deleteMeeting(id(ctx, "id"));
        ctx.status(204);
    }

    private void listInstances(Context ctx) {
        caller(ctx);
        ctx.json(convene.instancesOf(id(ctx, "id")).stream().map(Views.InstanceView::of).toList());
    }

    private void createInstance(Context ctx) {
        admin(ctx);
        MeetingInstance instance = convene.createInstance(id(ctx, "id"), window(ctx));
        created(ctx, "/instances/" + instance.id(), Views.InstanceView.of(instance));
    }

    private static MeetingDetails meetingDetails(Json.MeetingBody body) {
        return new MeetingDetails(Json.required("title", body.title()), body.description() == null ? "" : body.description(),
                Json.required("isPublic", body.isPublic()), body.audience() == null ? List.of() : body.audience());
    }

    // ---- instances and the nine functions ----------------------------------------------------

    private void getInstance(Context ctx) {
        caller(ctx);
        ctx.json(Views.InstanceView.of(convene.instance(id(ctx, "id"))));
    }

    private void updateInstance(Context ctx) {
        admin(ctx);
        ctx.json(Views.InstanceView.of(convene.updateInstance(id(ctx, "id"), window(ctx))));
    }

    private void deleteInstance(Context ctx) {
        admin(ctx);
        convene.deleteInstance(id(ctx, "id"));
        ctx.status(204);
    }

    private void participants(Context ctx) {
        long instance = seeInstance(ctx);
        ctx.json(convene.participants(instance));
    }

    private void join(Context ctx) {
        long instance = id(ctx, "id");
        long user = positive("userId", Json.read(ctx.bodyAsBytes(), Json.JoinBody.class).userId());
        self(ctx, user);
        created(ctx, "/instances/" + instance + "/participants/" + user, convene.join(user, instance));
    }

    private void leave(Context ctx) {
        long instance = id(ctx, "id");
        long user = id(ctx, "userId");
        self(ctx, user);
        ctx.json(convene.leave(user, instance));
    }

    private void end(Context ctx) {
        admin(ctx);
        ctx.json(convene.end(id(ctx, "id")));
    }

    private void chat(Context ctx) {
        long instance = seeInstance(ctx);
        String user = ctx.queryParam("userId");
        Long before = before(ctx);
        if (before != null && user != null) throw RefusedException.invalid("before", "cannot be combined with userId");
        List<ChatMessage> messages = before != null ? convene.chatBefore(instance, before, limit(ctx))
                : user == null ? convene.chat(instance, after(ctx), limit(ctx))
                : convene.chatOf(instance, Ids.parse("userId", user), after(ctx), limit(ctx));
        ctx.json(messages);
    }

    private void post(Context ctx) {
        long instance = id(ctx, "id");
        Json.MessageBody body = Json.read(ctx.bodyAsBytes(), Json.MessageBody.class);
        long user = positive("userId", body.userId());
        self(ctx, user);
        String text = ChatMessage.checkText(Json.required("text", body.text()));
        if (!caller(ctx).admin()) chatLimit.acquire(user);
        ChatMessage message = convene.post(user, instance, text, ctx.header("Idempotency-Key"));
        created(ctx, "/instances/" + instance + "/messages?after=" + (message.id() - 1) + "&limit=1", message);
    }

    private void eventsOfInstance(Context ctx) {
        long instance = seeInstance(ctx);
        Long before = before(ctx);
        List<Event> events = before != null ? convene.eventsBefore(instance, before, limit(ctx))
                : convene.eventsOfInstance(instance, after(ctx), limit(ctx));
        ctx.json(events.stream().map(Views.EventView::of).toList());
    }

    /** Live: joins, leaves, timeouts, chat, activation and end of one instance, as server-sent events. */
    private void instanceStream(Context ctx) throws Exception {
        acceptsEvents(ctx);
        long instance = seeInstance(ctx);
        String resume = FeedHub.resumeId(lastEventId(ctx));
        stream(ctx, client -> feeds.subscribeInstance(client, instance, resume));
    }

    /**
     * Live: every instance being scheduled, activated, ended or deleted, and the joins, leaves,
     * timeouts and chat of every instance the caller may see inside. Event ids are position vectors.
     */
    private void everythingStream(Context ctx) throws Exception {
        acceptsEvents(ctx);
        Caller caller = caller(ctx);
        String resume = lastEventId(ctx);
        FeedHub.positions(resume);
        stream(ctx, client -> feeds.subscribeEverything(client, resume,
                instance -> caller.admin() || seesQuietly(instance, caller)));
    }

    /**
     * Turns the response into an event stream fed by {@code subscribe}. Kept alive before subscribing:
     * a client that hangs up during the catch-up is closed by the failed write, and a keep-alive set
     * after that would wait forever. A subscription that fails closes the stream.
     */
    private static void stream(Context ctx, java.util.function.Consumer<io.javalin.http.sse.SseClient> subscribe)
            throws Exception {
        new SseHandler(client -> {
            client.keepAlive();
            try {
                subscribe.accept(client);
            } catch (RuntimeException e) {
                client.close();
                throw e;
            }
        }).handle(ctx);
    }

    private boolean seesQuietly(long instance, Caller caller) {
        try {
            return store.admits(instance, caller.email());
        } catch (RefusedException gone) {
            return false;
        }
    }

    /** Javalin streams only to clients that ask for events; anyone else is told so rather than sent nothing. */
    private static void acceptsEvents(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new HttpProblem(406, "not-acceptable", "Not acceptable", "This is a stream: send 'Accept: text/event-stream'");
        }
    }

    private static String lastEventId(Context ctx) {
        String header = ctx.header("Last-Event-ID");
        return header != null ? header : ctx.queryParam("lastEventId");
    }

    private void activeInstances(Context ctx) {
        caller(ctx);
        ctx.json(convene.activeInstances().stream().map(a -> Views.ActiveView.of(a, false)).toList());
    }

    /** Function 8; a private meeting's participants are left out for callers outside its audience. */
    private void joinTimes(Context ctx) {
        Caller caller = caller(ctx);
        ctx.json(convene.joinTimes().stream().map(a -> Views.ActiveView.of(a,
                caller.admin() || a.meeting().details().admits(caller.email()))).toList());
    }

    // ---- access and parameters ---------------------------------------------------------------

    static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) throw HttpProblem.unauthorized("Send 'Authorization: Bearer <token>'");
        return caller;
    }

    private static Caller admin(Context ctx) {
        Caller caller = caller(ctx);
        if (!caller.admin()) throw HttpProblem.forbidden("Only the administrator may do this");
        return caller;
    }

    private static void self(Context ctx, long userId) {
        if (!caller(ctx).mayActAs(userId)) throw HttpProblem.forbidden("A user may only act as themselves");
    }

    /** The instance in the path, if the caller may see inside it. */
    private long seeInstance(Context ctx) {
        long instance = id(ctx, "id");
        Caller caller = caller(ctx);
        if (!caller.admin() && !store.admits(instance, caller.email())) {
            throw HttpProblem.forbidden("Only the meeting's audience may see this");
        }
        return instance;
    }

    private static long id(Context ctx, String name) {
        return Ids.parse(name, ctx.pathParam(name));
    }

    private static long positive(String field, Long value) {
        if (Json.required(field, value) <= 0) throw RefusedException.invalid(field, "must be a positive integer, was " + value);
        return value;
    }

    private static long after(Context ctx) {
        String after = ctx.queryParam("after");
        return after == null || after.equals("0") ? 0 : Ids.parse("after", after);
    }

    /** The scroll-back cursor, if given; it excludes {@code after}, which pages the other way. */
    private static Long before(Context ctx) {
        String before = ctx.queryParam("before");
        if (before == null) return null;
        if (ctx.queryParam("after") != null) throw RefusedException.invalid("before", "cannot be combined with after");
        return Ids.parse("before", before);
    }

    private static int limit(Context ctx) {
        String limit = ctx.queryParam("limit");
        if (limit == null) return 100;
        if (!limit.matches("\\d{1,4}")) throw RefusedException.invalid("limit", "must be between 1 and 1000");
        return Integer.parseInt(limit);
    }

    private static TimeWindow window(Context ctx) {
        Json.WindowBody body = Json.read(ctx.bodyAsBytes(), Json.WindowBody.class);
        return new TimeWindow(Json.time("from", body.from()), Json.time("to", body.to()));
    }

    private static OptionalLong ifMatch(Context ctx) {
        String match = ctx.header("If-Match");
        if (match == null || match.trim().equals("*")) return OptionalLong.empty();
        String value = match.trim();
        if (value.startsWith("W/")) value = value.substring(2);
        if (!value.matches("\"\\d{1,18}\"")) throw HttpProblem.badRequest("If-Match must be an ETag such as \"3\"");
        return OptionalLong.of(Long.parseLong(value.substring(1, value.length() - 1)));
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }

    private static void created(Context ctx, String location, Object body) {
        ctx.status(201).header("Location", location).json(body);
    }
}
