package org.convene.http;

import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.convene.core.Convene;

/** What operators and newcomers reach without a token: probes, metrics, the API's documents, the console's files. */
final class OperationRoutes {
    private static final String OPENAPI = resource("openapi.yaml");
    /** A readiness probe answers within a second either way (Kubernetes' default probe timeout is one second). */
    private static final Duration READY_WITHIN = Duration.ofMillis(800);
    private static final String SWAGGER_UI_VERSION = swaggerUiVersion();
    private static final String DOCS = resource("docs.html").replace("VERSION", SWAGGER_UI_VERSION);
    private static final String DOCS_SCRIPT = resource("docs.js");
    /**
     * The Swagger UI files /docs uses, and no other file of the webjar: its own pages (an index.html
     * whose initializer loads the petstore example from elsewhere, an OAuth redirect page) stay unserved.
     */
    private static final Map<String, DocsFile> DOCS_FILES = Map.of(
            "swagger-ui.css", DocsFile.of("swagger-ui.css", "text/css; charset=utf-8"),
            "swagger-ui-bundle.js", DocsFile.of("swagger-ui-bundle.js", "text/javascript; charset=utf-8"));
    /** Swagger UI from this server only; it styles with attributes, so inline styles (not scripts) are allowed. */
    private static final String DOCS_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** The files' addresses name the webjar's version ({@code ?v=}), so a week's caching never serves an old one. */
    private static final String DOCS_FILE_CACHING = "public, max-age=604800";

    /** One of Swagger UI's files, read once from the webjar. */
    private record DocsFile(String type, byte[] body) {
        static DocsFile of(String name, String type) {
            return new DocsFile(type, bytes("/META-INF/resources/webjars/swagger-ui/" + SWAGGER_UI_VERSION + "/" + name));
        }
    }

    private final Convene convene;
    private final PrometheusMeterRegistry metrics;
    private final BooleanSupplier schedulerRunning;

    OperationRoutes(Convene convene, PrometheusMeterRegistry metrics, BooleanSupplier schedulerRunning) {
        this.convene = convene;
        this.metrics = metrics;
        this.schedulerRunning = schedulerRunning;
    }

    void register(RouteTable routes) {
        routes.get("/health", Role.OPEN, ctx -> ctx.json(Map.of("status", "up", "time", convene.now().toString())));
        routes.get("/ready", Role.OPEN, this::ready);
        routes.get("/metrics", Role.METRICS, ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
        routes.get("/openapi.yaml", Role.OPEN, ctx -> ctx.contentType("application/yaml").result(OPENAPI));
        routes.get("/docs", Role.OPEN, ctx -> docs(ctx).contentType("text/html; charset=utf-8").result(DOCS));
        routes.get("/docs.js", Role.OPEN, ctx -> docs(ctx).contentType("text/javascript; charset=utf-8").result(DOCS_SCRIPT));
        routes.get("/docs/{file}", Role.OPEN, OperationRoutes::docsFile);
        routes.get("/", Role.OPEN, ctx -> Console.serve(ctx, "index.html"));
        routes.get("/console/{file}", Role.OPEN, ctx -> Console.serve(ctx, ctx.pathParam("file")));
    }

    private void ready(Context ctx) {
        boolean redis;
        try {
            convene.ping(READY_WITHIN);
            redis = true;
        } catch (RuntimeException e) {
            redis = false;
        }
        boolean scheduler = schedulerRunning.getAsBoolean();
        ctx.status(redis && scheduler ? 200 : 503)
                .json(Map.of("redis", redis ? "up" : "down", "scheduler", scheduler ? "running" : "stopped"));
    }

    /** The headers of everything /docs serves: no framing, nothing from elsewhere. */
    private static Context docs(Context ctx) {
        return ctx.header("Content-Security-Policy", DOCS_POLICY).header("X-Frame-Options", "DENY");
    }

    private static void docsFile(Context ctx) {
        DocsFile file = DOCS_FILES.get(ctx.pathParam("file"));
        if (file == null) throw new HttpProblem(404, "not-found", "No documentation file named " + ctx.pathParam("file"));
        docs(ctx).header("Cache-Control", DOCS_FILE_CACHING).contentType(file.type()).result(file.body());
    }

    private static String resource(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** A resource by its name beside this class, or its absolute name. */
    private static byte[] bytes(String name) {
        try (InputStream in = OperationRoutes.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Swagger UI webjar's version, so that /docs links the files the jar really has. */
    private static String swaggerUiVersion() {
        try (InputStream in = OperationRoutes.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the swagger-ui webjar is missing", e);
        }
    }
}
