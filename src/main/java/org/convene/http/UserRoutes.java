package org.convene.http;

import static org.convene.http.Authentication.caller;

import io.javalin.http.Context;
import java.util.OptionalLong;
import org.convene.core.Access;
import org.convene.core.Caller;
import org.convene.core.Convene;
import org.convene.core.Tokens;
import org.convene.model.Acting;
import org.convene.model.GlobalRole;
import org.convene.model.Ids;
import org.convene.model.RefusedException;
import org.convene.model.User;
import org.convene.model.UserDetails;
import org.convene.view.AttendanceViews;
import org.convene.view.Views;

/** {@code /me} and {@code /users}: the administrator manages users; a user reads themselves and their events. */
final class UserRoutes {
    private final Convene convene;
    private final Access access;
    private final Tokens tokens;

    private final ReadNotes reads;

    UserRoutes(Convene convene, Access access, Tokens tokens, ReadNotes reads) {
        this.convene = convene;
        this.access = access;
        this.tokens = tokens;
        this.reads = reads;
    }

    void register(RouteTable routes) {
        routes.get("/me", Role.USER, this::me);
        routes.get("/users", Role.ADMIN, ctx -> ctx.json(convene.users(Params.after(ctx), Params.limit(ctx)).stream()
                .map(Views.UserView::of).toList()));
        routes.post("/users", Role.ADMIN, this::create);
        routes.get("/users/{id}", Role.USER, this::get);
        routes.put("/users/{id}", Role.ADMIN, this::update);
        routes.patch("/users/{id}", Role.ADMIN, this::patch);
        routes.delete("/users/{id}", Role.ADMIN, ctx -> {
            String heir = ctx.queryParam("handTo");
            if (heir == null) convene.deleteUser(Params.id(ctx, "id"), acting(ctx));
            else convene.roles().deleteHandingOver(Params.id(ctx, "id"), Ids.parse("handTo", heir), caller(ctx).actor(), RequestIds.of(ctx));
            // Their token is gone from the store; this node forgets it at once (the others within the cache's time).
            tokens.forget(Params.id(ctx, "id"));
            ctx.status(204);
        });
        routes.post("/users/{id}/token", Role.ADMIN, this::rotateToken);
        routes.get("/users/{id}/events", Role.USER, this::events);
        routes.get("/users/{id}/attendance", Role.USER, this::attendance);
    }

    /** Who the token belongs to: what a client needs to know before it shows what the caller may do. */
    private void me(Context ctx) {
        Caller caller = caller(ctx);
        ctx.json(new Views.Me(caller.admin(), caller.root() ? null : Views.UserView.of(convene.user(caller.userId())),
                caller.guest() ? caller.guestOf() : null));
    }

    private void create(Context ctx) {
        User user = convene.createUser(details(Bodies.read(ctx.bodyAsBytes(), Bodies.UserBody.class)), acting(ctx));
        String token = tokens.issue(user.id(), acting(ctx));
        ctx.header("Cache-Control", "no-store");
        Params.created(ctx, "/users/" + user.id(), new Views.CreatedUser(Views.UserView.of(user), token));
    }

    private void get(Context ctx) {
        long id = Params.id(ctx, "id");
        access.requireActingAs(caller(ctx), id);
        User user = convene.user(id);
        ctx.header("ETag", Params.etag(user.version())).json(Views.UserView.of(user));
    }

    private void update(Context ctx) {
        long id = Params.id(ctx, "id");
        User user = convene.updateUser(id, details(Bodies.read(ctx.bodyAsBytes(), Bodies.UserBody.class)),
                Params.ifMatch(ctx), acting(ctx));
        ctx.header("ETag", Params.etag(user.version())).json(Views.UserView.of(user));
    }

    /**
     * A JSON merge patch of a user: the details given change (at the version {@code If-Match} names, if any),
     * or, given alone, the role or the suspension, each recorded with its audit entry in one step. Both at once are refused, since
     * they would be two steps of which the second could be refused after the first was made.
     */
    private void patch(Context ctx) {
        long id = Params.id(ctx, "id");
        Bodies.UserPatchBody body = Bodies.read(ctx.bodyAsBytes(), Bodies.UserPatchBody.class);
        boolean details = body.name() != null || body.age() != null || body.gender() != null || body.email() != null;
        User user;
        if (body.suspended() != null) {
            if (details || body.role() != null) {
                throw RefusedException.invalid("suspended", "is changed in a PATCH of its own, without other fields");
            }
            user = convene.roles().suspend(id, body.suspended(), caller(ctx).actor(), RequestIds.of(ctx));
            tokens.forget(id);
        } else if (body.role() != null) {
            if (details) throw RefusedException.invalid("role", "is changed in a PATCH of its own, without other fields");
            GlobalRole role = GlobalRole.given("role", body.role());
            user = convene.roles().change(id, role, caller(ctx).actor(), RequestIds.of(ctx));
            tokens.forget(id);
        } else {
            User current = convene.user(id);
            UserDetails d = current.details();
            UserDetails patched = new UserDetails(body.name() == null ? d.name() : UserDetails.name(body.name()),
                    body.age() == null ? d.age() : body.age(), body.gender() == null ? d.gender() : body.gender(),
                    body.email() == null ? d.email() : UserDetails.email(body.email()));
            user = convene.updateUser(id, patched, Params.ifMatch(ctx).isPresent() ? Params.ifMatch(ctx)
                    : OptionalLong.of(current.version()), acting(ctx));
        }
        ctx.header("ETag", Params.etag(user.version())).json(Views.UserView.of(user));
    }

    private void rotateToken(Context ctx) {
        long id = Params.id(ctx, "id");
        convene.user(id);
        ctx.header("Cache-Control", "no-store").json(new Views.TokenView(id, tokens.issue(id, acting(ctx))));
    }

    private void events(Context ctx) {
        long id = Params.id(ctx, "id");
        access.requireActingAs(caller(ctx), id);
        noteIfSomeoneElse(ctx, id, "events_read");
        ctx.json(convene.eventsOfUser(id).stream().map(Views.EventView::of).toList());
    }

    /** The user's attendance, newest first join first; {@code after} is the last instance of the page before. */
    private void attendance(Context ctx) {
        long id = Params.id(ctx, "id");
        access.requireActingAs(caller(ctx), id);
        noteIfSomeoneElse(ctx, id, "attendance_read");
        ctx.json(convene.attendanceOf(id, Params.after(ctx), Params.limit(ctx)).stream()
                .map(AttendanceViews.UserAttendanceView::of).toList());
    }

    /** Records, once a day, that an administrator read what user {@code id} did. */
    private void noteIfSomeoneElse(Context ctx, long id, String what) {
        Caller caller = caller(ctx);
        if (caller.root() || caller.userId() != id) reads.read(caller, "users", what, "user:" + id, RequestIds.of(ctx));
    }

    /** The caller and the request, as the audit record of what they change names them. */
    static Acting acting(Context ctx) {
        return new Acting(caller(ctx).actor(), RequestIds.of(ctx));
    }

    private static UserDetails details(Bodies.UserBody body) {
        return new UserDetails(UserDetails.name(Bodies.required("name", body.name())), body.age(),
                body.gender() == null ? "" : body.gender(), UserDetails.email(Bodies.required("email", body.email())));
    }
}
