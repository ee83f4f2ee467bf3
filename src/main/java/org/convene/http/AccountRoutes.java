package org.convene.http;

import static org.convene.http.Authentication.caller;

import io.javalin.http.Context;
import java.time.Instant;
import org.convene.core.Accounts;
import org.convene.core.Caller;
import org.convene.core.Convene;
import org.convene.core.SignInLimit;
import org.convene.core.SignIns;
import org.convene.model.Refusal;
import org.convene.view.Views;

/**
 * Local accounts, where no identity provider is configured: invitations ({@code POST /invitations}, an administrator's,
 * or a meeting owner's for its audience), looking one up and accepting it with a password, signing in with e-mail and
 * password, and setting a password again through a link an administrator makes. Every secret given here that does not
 * open, and every wrong password, is a failed sign-in from the address; what signs in ends in the session cookie.
 */
final class AccountRoutes {
    private final Accounts accounts;
    private final SignIns signIns;
    private final SignInLimit limit;
    private final Convene convene;

    AccountRoutes(Accounts accounts, SignIns signIns, SignInLimit limit, Convene convene) {
        this.accounts = accounts;
        this.signIns = signIns;
        this.limit = limit;
        this.convene = convene;
    }

    /** What an invitation is made of: whom, the name suggested, and the meeting it is for (none: an administrator's). */
    record InviteBody(String email, String name, Long meetingId) {}

    /**
     * An invitation or password link just made: the console's address with the secret (shown this once; absent when it
     * went to the person by e-mail), its end, and whether it was sent.
     */
    record LinkView(String email, String link, Instant expiresAt, boolean sent) {
        static LinkView of(String email, String path, Accounts.Link link) {
            return new LinkView(email, link.sent() ? null : path + link.secret(), link.expires(), link.sent());
        }
    }

    /** What a link's holder sends: the link's secret, and for an invitation a name and password, for a reset a password. */
    record SecretBody(String invitation, String link, String name, String password) {}

    /** An invitation as its holder sees it. */
    record InvitationView(String email, String name, Instant expiresAt) {}

    /** E-mail and password. */
    record PasswordBody(String email, String password) {}

    void register(RouteTable routes) {
        routes.post("/invitations", Role.USER, ctx -> {
            InviteBody body = Bodies.read(ctx.bodyAsBytes(), InviteBody.class);
            long meeting = body.meetingId() == null ? 0 : Params.positive("meetingId", body.meetingId());
            Accounts.Link link = accounts.invite(caller(ctx), Bodies.required("email", body.email()), body.name(), meeting,
                    RequestIds.of(ctx));
            ctx.header("Cache-Control", "no-store").status(201).json(LinkView.of(
                    body.email().strip().toLowerCase(java.util.Locale.ROOT), "/#/invite/", link));
        });
        routes.post("/auth/invitations/look", Role.OPEN, ctx -> {
            SecretBody body = Bodies.read(ctx.bodyAsBytes(), SecretBody.class);
            org.convene.model.Invitation invitation = limit.attempt(ctx.ip(),
                    () -> accounts.invitation(Bodies.required("invitation", body.invitation())), Refusal.INVALID_INVITATION);
            ctx.header("Cache-Control", "no-store")
                    .json(new InvitationView(invitation.email(), invitation.name(), invitation.expires()));
        });
        routes.post("/auth/invitations/accept", Role.OPEN, ctx -> {
            SecretBody body = Bodies.read(ctx.bodyAsBytes(), SecretBody.class);
            Caller caller = limit.attempt(ctx.ip(), () -> accounts.accept(Bodies.required("invitation", body.invitation()),
                    body.name(), Bodies.required("password", body.password()), RequestIds.of(ctx)), Refusal.INVALID_INVITATION);
            signedIn(ctx, caller, "invitation");
        });
        routes.post("/auth/password", Role.OPEN, ctx -> {
            PasswordBody body = Bodies.read(ctx.bodyAsBytes(), PasswordBody.class);
            Caller caller = limit.attempt(ctx.ip(), () -> accounts.signIn(Bodies.required("email", body.email()),
                    Bodies.required("password", body.password())), Refusal.WRONG_PASSWORD);
            signedIn(ctx, caller, "password");
        });
        routes.post("/users/{id}/password-link", Role.ADMIN, ctx -> {
            long user = Params.id(ctx, "id");
            Accounts.Link link = accounts.resetLink(user, UserRoutes.acting(ctx));
            ctx.header("Cache-Control", "no-store").status(201).json(LinkView.of(convene.user(user).details().email(),
                    "/#/password/", link));
        });
        routes.post("/auth/password-link", Role.OPEN, ctx -> {
            SecretBody body = Bodies.read(ctx.bodyAsBytes(), SecretBody.class);
            Caller caller = limit.attempt(ctx.ip(), () -> accounts.reset(Bodies.required("link", body.link()),
                    Bodies.required("password", body.password()), RequestIds.of(ctx)), Refusal.INVALID_RESET);
            signedIn(ctx, caller, "password link");
        });
    }

    /** Opens a session for whoever just signed in, sets its cookie, and answers who they are. */
    private void signedIn(Context ctx, Caller caller, String method) {
        SessionCookie.set(ctx, signIns.openSession(caller, method, RequestIds.of(ctx)), signIns.sessionMax());
        ctx.header("Cache-Control", "no-store").json(new Views.Me(caller.admin(),
                Views.UserView.of(convene.user(caller.userId())), null));
    }
}
