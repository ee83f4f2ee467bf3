package org.convene.http;

import static org.convene.http.Authentication.caller;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.OptionalLong;
import org.convene.core.Access;
import org.convene.core.Caller;
import org.convene.core.PersonalData;
import org.convene.core.Tokens;
import org.convene.model.Ids;
import org.convene.view.PersonalViews;

/**
 * A person's data on request: {@code GET /users/{id}/export} (the person or an administrator; an administrator's reading
 * is recorded once a day) and {@code POST /users/{id}/erase} (administrators, with a reason).
 */
final class PersonRoutes {
    private final PersonalData personal;
    private final Access access;
    private final ReadNotes reads;
    private final Clock clock;
    private final Tokens tokens;

    PersonRoutes(PersonalData personal, Access access, ReadNotes reads, Clock clock, Tokens tokens) {
        this.tokens = tokens;
        this.personal = personal;
        this.access = access;
        this.reads = reads;
        this.clock = clock;
    }

    /** The body of an erasure: why, and to whom the meetings they own go. */
    record EraseBody(String reason, String handTo) {}

    void register(RouteTable routes) {
        routes.get("/users/{id}/export", Role.USER, this::export);
        routes.post("/users/{id}/erase", Role.ADMIN, this::erase);
    }

    private void export(Context ctx) {
        long id = Params.id(ctx, "id");
        Caller caller = caller(ctx);
        access.requireActingAs(caller, id);
        PersonalData.Export e = personal.export(id);
        if (caller.root() || caller.userId() != id) {
            reads.read(caller, "users", "personal_data_exported", "user:" + id, RequestIds.of(ctx));
        }
        ctx.header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"convene-user-" + id + ".json\"")
                .json(PersonalViews.ExportView.of(e, clock.instant()));
    }

    private void erase(Context ctx) {
        long id = Params.id(ctx, "id");
        EraseBody body = Bodies.read(ctx.bodyAsBytes(), EraseBody.class);
        OptionalLong heir = body.handTo() == null ? OptionalLong.empty() : OptionalLong.of(Ids.parse("handTo", body.handTo()));
        PersonalData.Erasure done = personal.erase(id, body.reason(), heir, UserRoutes.acting(ctx));
        tokens.forget(id);
        ctx.json(PersonalViews.ErasureView.of(done));
    }
}
