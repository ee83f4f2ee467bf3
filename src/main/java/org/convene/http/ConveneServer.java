package org.convene.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.convene.core.Convene;
import org.convene.core.Credentials;
import org.convene.core.MeetingStore;
import org.convene.core.StoreUnavailableException;
import org.convene.model.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Convene over HTTP: the REST API in JSON, errors as {@code application/problem+json}, bearer
 * tokens, and the operational endpoints {@code /health}, {@code /ready} and {@code /metrics}.
 *
 * <pre>{@code
 * ConveneServer server = ConveneServer.start(convene, store, store, settings, registry, () -> true);
 * System.out.println(server.url());
 * }</pre>
 */
public final class ConveneServer implements AutoCloseable {
    private static final Logger REQUESTS = LoggerFactory.getLogger("org.convene.http.requests");
    private static final Logger LOG = LoggerFactory.getLogger(ConveneServer.class);

    private final Javalin app;
    private final FeedHub feeds;
    private final String host;
    private final Optional<String> generatedAdminToken;

    private final java.util.List<String> routes;

    private ConveneServer(Javalin app, FeedHub feeds, String host, Optional<String> generatedAdminToken,
                          java.util.List<String> routes) {
        this.routes = routes;
        this.app = app;
        this.feeds = feeds;
        this.host = host;
        this.generatedAdminToken = generatedAdminToken;
    }

    /** Starts the server; {@code schedulerRunning} feeds {@code /ready}. */
    public static ConveneServer start(Convene convene, MeetingStore store, Credentials credentials,
                                      ServerSettings settings, PrometheusMeterRegistry metrics,
                                      BooleanSupplier schedulerRunning) {
        Tokens tokens = new Tokens(credentials, settings.adminToken());
        java.util.List<String> routes = new java.util.concurrent.CopyOnWriteArrayList<>();
        Optional<String> generated = tokens.ensureAdminToken();
        FeedHub feeds = new FeedHub(store);
        io.micrometer.core.instrument.Gauge.builder("convene_sse_subscribers", feeds, FeedHub::subscribers)
                .register(metrics);
        ApiRoutes api = new ApiRoutes(convene, store, tokens, new ChatRateLimiter(settings.chatPerMinute()), feeds);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.http.defaultContentType = "application/json";
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.jetty.modifyServer(server -> server.setStopTimeout(Duration.ofSeconds(10).toMillis()));
            // A client that stops sending or reading mid-request is cut off; streams stay busy with heartbeats.
            config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(Duration.ofSeconds(30).toMillis()));
            if (!settings.corsOrigins().isEmpty()) {
                config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                    settings.corsOrigins().forEach(rule::allowHost);
                    rule.exposeHeader("Location");
                    rule.exposeHeader("ETag");
                }));
            }
            config.requestLogger.http((ctx, ms) -> record(ctx, ms, metrics));

            config.events.handlerAdded(h -> {
                if (h.getHttpMethod().isHttpMethod()) routes.add(h.getHttpMethod().name() + " " + h.getPath());
            });
            config.routes.beforeMatched(ctx -> {
                // Refused from the headers alone: a client that sent Expect: 100-continue never sends the body.
                if (ctx.req().getContentLengthLong() > settings.maxBodyBytes()) {
                    throw new HttpProblem(413, "payload-too-large", "Payload too large",
                            "The body is larger than " + settings.maxBodyBytes() + " bytes");
                }
                authenticate(ctx, tokens);
            });
            api.register(config.routes);
            config.routes.get("/health", ctx -> ctx.json(Map.of("status", "up", "time", convene.now().toString())));
            config.routes.get("/ready", ctx -> ready(ctx, store, schedulerRunning));
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
            config.routes.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(OPENAPI));
            config.routes.get("/docs", ctx -> ctx.contentType("text/html; charset=utf-8").result(DOCS));
            config.routes.get("/", ctx -> Console.serve(ctx, "index.html"));
            config.routes.get("/console/{file}", ctx -> Console.serve(ctx, ctx.pathParam("file")));
            config.staticFiles.enableWebjars();


            config.routes.exception(RefusedException.class, (e, ctx) -> refused(ctx, e, metrics));
            config.routes.exception(HttpProblem.class, (e, ctx) ->
                    problem(ctx, e.status, e.type, e.title, e.getMessage(), e.retryAfterSeconds));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> fromJavalin(ctx, e));
            config.routes.exception(StoreUnavailableException.class, (e, ctx) -> {
                LOG.error("Store unavailable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                problem(ctx, 503, "store-unavailable", "Service unavailable", "The data store cannot be reached", 5);
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
                problem(ctx, 500, "internal-error", "Internal error", "Something went wrong; it has been logged", 0);
            });
        });
        app.start();
        return new ConveneServer(app, feeds, settings.host(), generated, java.util.List.copyOf(routes));
    }

    private static final String OPENAPI = resource("openapi.yaml");
    private static final String DOCS = resource("docs.html").replace("VERSION", swaggerUiVersion());

    /** The routes that need no token. */
    private static boolean open(String path) {
        return path.equals("/health") || path.equals("/ready") || path.equals("/metrics")
                || path.equals("/openapi.yaml") || path.equals("/docs") || path.equals("/")
                || path.startsWith("/webjars/") || path.startsWith("/console/");
    }

    private static String resource(String name) {
        try (var in = ConveneServer.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The Swagger UI webjar's version, so that /docs links the files the jar really has. */
    private static String swaggerUiVersion() {
        try (var in = ConveneServer.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            var properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("the swagger-ui webjar is missing", e);
        }
    }

    /** Every route the server answers, as "GET /users/{id}"; for the test that holds openapi.yaml to it. */
    public java.util.List<String> routes() {
        return routes;
    }

    private static void authenticate(Context ctx, Tokens tokens) {
        if (open(ctx.path())) return;
        HandlerType method = ctx.method();
        if ((method == HandlerType.POST || method == HandlerType.PUT) && hasBody(ctx)) {
            String type = ctx.contentType();
            if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
                throw new HttpProblem(415, "unsupported-media-type", "Unsupported media type",
                        "Send the body as application/json");
            }
        }
        String authorization = ctx.header("Authorization");
        // A browser's EventSource cannot send headers, so streams also take the token from the query.
        if (authorization == null && ctx.path().endsWith("/stream") && ctx.queryParam("access_token") != null) {
            authorization = "Bearer " + ctx.queryParam("access_token");
        }
        ctx.attribute(ApiRoutes.CALLER, tokens.authenticate(authorization));
    }

    private static boolean hasBody(Context ctx) {
        return ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
    }

    private static void ready(Context ctx, MeetingStore store, BooleanSupplier schedulerRunning) {
        boolean redis;
        try {
            store.isEmpty();
            redis = true;
        } catch (RuntimeException e) {
            redis = false;
        }
        boolean scheduler = schedulerRunning.getAsBoolean();
        ctx.status(redis && scheduler ? 200 : 503)
                .json(Map.of("redis", redis ? "up" : "down", "scheduler", scheduler ? "running" : "stopped"));
    }

    private static void refused(Context ctx, RefusedException e, PrometheusMeterRegistry metrics) {
        int status = switch (e.refusal().kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
            case PRECONDITION -> 412;
        };
        Counter.builder("convene_refusals").tag("type", e.refusal().name()).register(metrics).increment();
        problem(ctx, status, e.refusal().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                title(status), e.getMessage(), 0);
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
        problem(ctx, status, type, title(status), detail, 0);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Invalid request";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 412 -> "Precondition failed";
            case 413 -> "Payload too large";
            default -> "Error";
        };
    }

    /** Answers with an RFC 9457 problem document; {@code type} names the refusal, stable across versions. */
    static void problem(Context ctx, int status, String type, String title, String detail, int retryAfterSeconds) {
        if (status == 401) ctx.header("WWW-Authenticate", "Bearer");
        if (retryAfterSeconds > 0) ctx.header("Retry-After", Integer.toString(retryAfterSeconds));
        ctx.status(status).contentType("application/problem+json").result(Json.toString(
                new Views.Problem("urn:convene:problem:" + type, title, status, detail, ctx.path())));
    }

    private static void record(Context ctx, Float ms, PrometheusMeterRegistry metrics) {
        String route;
        try {
            route = ctx.endpoint().path;
        } catch (java.util.NoSuchElementException unmatched) {
            route = "unmatched";
        }
        Timer.builder("convene_http_requests").tag("method", ctx.method().name()).tag("route", route)
                .tag("status", Integer.toString(ctx.status().getCode())).publishPercentileHistogram()
                .register(metrics).record(Duration.ofNanos((long) (ms * 1_000_000)));
        if (!REQUESTS.isInfoEnabled()) return;
        Caller caller = ctx.attribute(ApiRoutes.CALLER);
        REQUESTS.info("method={} path={} route={} status={} ms={} caller={}", ctx.method(), ctx.path(), route,
                ctx.status().getCode(), String.format(java.util.Locale.ROOT, "%.1f", ms),
                caller == null ? "anonymous" : caller.logName());
    }

    /** Returns the base URL, e.g. {@code http://127.0.0.1:8080}. */
    /**
     * Ends every live stream while the server goes on: each client reconnects with its last event id
     * and receives exactly what it missed. For moving clients off before maintenance, and for tests
     * of that resume.
     */
    public void dropStreams() {
        feeds.dropSubscribers();
    }

        public String url() {
        String shown = host.equals("0.0.0.0") ? "localhost" : host;
        return "http://" + shown + ":" + app.port();
    }

    public int port() {
        return app.port();
    }

    /** Returns the administrator token made at this start, to be shown once; empty if one existed or was configured. */
    public Optional<String> generatedAdminToken() {
        return generatedAdminToken;
    }

    /** Closes the live streams, stops accepting requests and lets those in flight finish. */
    @Override
    public void close() {
        feeds.close();
        app.stop();
    }
}
