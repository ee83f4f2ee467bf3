package org.convene.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The web console's files: plain HTML, CSS and JavaScript modules under {@code org/convene/web},
 * served by Convene itself so that the console works with no network beyond this server. The
 * console is a client of the public API like any other; it has no routes of its own.
 */
final class Console {
    /** The console's JavaScript modules: a module the page imports is served only if it is named here. */
    private static final List<String> SCRIPTS = List.of(
            "api.js", "live.js", "dom.js", "state.js", "connection.js", "countdown.js", "signin.js", "accounts.js",
            "lifecycle.js", "series-words.js", "meetings.js", "instance.js", "instance-actions.js", "host-controls.js",
            "lobby.js", "occurrence-actions.js", "call-link.js", "audience-picker.js", "calendar.js", "attendance.js",
            "admin.js", "admin-prompts.js", "admin-users.js", "admin-meetings.js", "admin-schedule.js",
            "admin-webhooks.js", "admin-audit.js", "console.js");
    private static final Map<String, String> TYPES = types();
    private static final Map<String, byte[]> FILES = load();

    /**
     * Everything from this server only: no inline script, no other origin. The API's own origin
     * serves the REST calls and the event streams.
     */
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private Console() {}

    private static Map<String, String> types() {
        var types = new HashMap<String, String>(Map.of(
                "index.html", "text/html; charset=utf-8",
                "console.css", "text/css; charset=utf-8",
                "favicon.svg", "image/svg+xml"));
        for (String script : SCRIPTS) types.put(script, "text/javascript; charset=utf-8");
        return Map.copyOf(types);
    }

    /** Answers with one of the console's files, or 404 for any other name. */
    static void serve(Context ctx, String name) {
        byte[] body = FILES.get(name);
        if (body == null) throw new HttpProblem(404, "not-found", "No console file named " + name);
        ctx.header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-cache")
                .contentType(TYPES.get(name))
                .result(body);
    }

    private static Map<String, byte[]> load() {
        var files = new HashMap<String, byte[]>();
        for (String name : TYPES.keySet()) {
            try (InputStream in = Console.class.getResourceAsStream("/org/convene/web/" + name)) {
                if (in == null) throw new IllegalStateException("missing console file " + name);
                files.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(files);
    }
}
