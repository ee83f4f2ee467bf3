package org.convene.http;

import static org.convene.http.Authentication.caller;

import io.javalin.http.Context;
import org.convene.core.Access;

/** The meeting or instance a path names, once the caller is found to run it (its owner or an administrator). */
final class Hosts {
    private Hosts() {}

    /** The meeting of the path's {@code id}, or a refusal (403, or 404 for no such meeting). */
    static long meeting(Context ctx, Access access) {
        long meeting = Params.id(ctx, "id");
        access.requireRuns(caller(ctx), meeting);
        return meeting;
    }

    /** The instance of the path's {@code id}, or a refusal (403, or 404 for no such instance). */
    static long instance(Context ctx, Access access) {
        long instance = Params.id(ctx, "id");
        access.requireRunsInstance(caller(ctx), instance);
        return instance;
    }
}
