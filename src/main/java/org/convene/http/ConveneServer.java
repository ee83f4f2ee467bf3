package org.convene.http;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.metrics.Info;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.convene.core.BuildInfo;
import org.convene.core.ProviderLogin;
import org.convene.core.Services;
import org.convene.http.live.FeedHub;
import org.convene.view.Json;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * Convene over HTTP, wired: the REST resources by kind ({@link UserRoutes}, {@link MeetingRoutes},
 * {@link InstanceRoutes}, {@link StreamRoutes}, {@link OperationRoutes}), each route with its
 * {@link Role}; {@link Authentication} before them; {@link Problems} for every failure, and
 * {@link JettyProblems} for those Jetty answers itself; {@link RequestMetrics} after each request.
 *
 * <pre>{@code
 * ConveneServer server = ConveneServer.start(services, settings, registry, () -> true);
 * System.out.println(server.url());
 * }</pre>
 */
public final class ConveneServer implements AutoCloseable {
    /** Slower than this, a request body is refused: any client on any network sends far faster. */
    private static final long MIN_REQUEST_BYTES_PER_SECOND = 1024;
    private static final int MAX_THREADS = 600;

    private final Javalin app;
    private final FeedHub feeds;
    private final String host;
    private final Optional<String> generatedAdminToken;
    private final List<String> routes;

    private ConveneServer(Javalin app, FeedHub feeds, String host, Optional<String> generatedAdminToken,
                          List<String> routes) {
        this.app = app;
        this.feeds = feeds;
        this.host = host;
        this.generatedAdminToken = generatedAdminToken;
        this.routes = routes;
    }

    /** Starts the server on the application's services; {@code schedulerRunning} feeds {@code /ready}. */
    public static ConveneServer start(Services services, ServerSettings settings, PrometheusMeterRegistry metrics,
                                      BooleanSupplier schedulerRunning) {
        return start(services, settings, metrics, schedulerRunning, Optional.empty());
    }

    /** Starts the server as {@link #start} does, with the console's sign-in through {@code provider} where there is one. */
    public static ConveneServer start(Services services, ServerSettings settings, PrometheusMeterRegistry metrics,
                                      BooleanSupplier schedulerRunning, Optional<ProviderLogin> provider) {
        Optional<String> generated = services.tokens().ensureAdminToken();
        FeedHub feeds = new FeedHub(services.convene(), services.streams(), settings.timings().feedPoll(), settings.timings().heartbeat(),
                settings.timings().streamRecheck());
        Gauge.builder("convene_sse_subscribers", feeds, FeedHub::subscribers).register(metrics);
        BuildInfo build = BuildInfo.current();
        // An info metric proper: Micrometer would drop a gauge's "_info" suffix, which Prometheus reserves.
        Info.builder().name("convene_build_info")
                .help("The build serving: its version and commit, as labels").labelNames("version", "commit")
                .register(metrics.getPrometheusRegistry()).addLabelValues(build.version(), build.commit());
        var threads = new QueuedThreadPool(MAX_THREADS, 8, 60_000);
        bindProcessMetrics(metrics, threads);
        Authentication authentication = new Authentication(services.signIn(), services.access(), settings);
        RequestMetrics requests = new RequestMetrics(metrics);
        List<String> registered = new ArrayList<>();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = settings.listen().host();
            config.jetty.port = settings.listen().port();
            // Enough threads that clients blocked mid-body (each freed within two seconds) leave room for everyone else.
            config.jetty.threadPool = threads;
            config.http.maxRequestSize = settings.limits().maxBodyBytes();
            config.http.defaultContentType = "application/json";
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            // A stop lets the requests in flight finish (up to the stop timeout) before anything else
            // goes: Javalin puts its own handler inside the innermost of these, after the override
            // header is gone. What Jetty refuses itself is a problem document like every other refusal.
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(settings.timings().stopTimeout().toMillis());
                server.setHandler(new GracefulHandler(new MethodOverrideIgnored()));
                server.setErrorHandler(new JettyProblems());
            });
            // A client that stops sending or reading mid-request is cut off; streams stay busy with heartbeats.
            // One that trickles a body, a byte now and then, is cut off by the minimum data rate, so
            // that it cannot hold a request thread for long whatever its idle gaps.
            config.jetty.modifyHttpConfiguration(http -> {
                // Javalin's LEGACY compliance lets %u escapes through, which its own path decoding then
                // fails on (a 500): such a URI is refused as malformed instead.
                http.setUriCompliance(UriCompliance.LEGACY.without("LEGACY_WITHOUT_UTF16", UriCompliance.Violation.UTF16_ENCODINGS));
                http.setIdleTimeout(settings.timings().idleTimeout().toMillis());
                http.setMinRequestDataRate(MIN_REQUEST_BYTES_PER_SECOND);
                http.setRequestHeaderSize(16 * 1024);
            });
            if (!settings.admission().corsOrigins().isEmpty()) {
                config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                    settings.admission().corsOrigins().forEach(rule::allowHost);
                    rule.exposeHeader("Location");
                    rule.exposeHeader("ETag");
                }));
            }
            config.requestLogger.http(requests::record);
            // Every answer, files and errors included: browsers must take each as the type it says it is.
            config.routes.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff"));
            config.routes.beforeMatched(authentication::before);
            config.routes.after(authentication::restoreIdle);
            RouteTable table = new RouteTable(config.routes);
            ReadNotes reads = new ReadNotes(services.audit(), services.convene().clock());
            new UserRoutes(services.convene(), services.access(), services.tokens(), reads).register(table);
            new AuthRoutes(services.signIns(), services.tokens(), provider, services.accounts().enabled(),
                    services.convene().clock()).register(table);
            new AccountRoutes(services.accounts(), services.signIns(), services.signIn(), services.convene()).register(table);
            new MeetingRoutes(services.convene(), services.access()).register(table);
            new BanRoutes(services.convene().bans(), services.access()).register(table);
            new HostRoutes(services.convene().hosting(), services.access()).register(table);
            new LobbyRoutes(services.convene().lobbies(), services.access()).register(table);
            new GuestRoutes(services.convene().guests(), services.access(), services.signIn()).register(table);
            new AuditRoutes(services.audit(), services.convene().clock()).register(table);
            new PersonRoutes(services.personal(), services.access(), reads, services.convene().clock(),
                    services.tokens()).register(table);
            new InstanceRoutes(services.convene(), services.access(), services.chatLimit(), reads).register(table);
            new StreamRoutes(services.access(), feeds).register(table);
            new OperationRoutes(services.convene(), metrics, schedulerRunning).register(table);
            new WebhookRoutes(services.webhooks()).register(table);
            new SeriesRoutes(services, reads).register(table);
            new CalendarRoutes(services.convene(), services.calendars(), services.access()).register(table);
            registered.addAll(table.registered());
            Problems.register(config.routes, metrics, new RefusalSampler(services.audit(), metrics, services.convene().clock()));
        });
        try {
            app.start();
        } catch (RuntimeException notListening) {
            // Such as a port in use: nothing may go on reading feeds for a server that never started.
            feeds.close();
            throw notListening;
        }
        return new ConveneServer(app, feeds, settings.listen().host(), generated, List.copyOf(registered));
    }

    /** The JVM's, the process's and Jetty's thread pool's own metrics, next to Convene's. */
    private static void bindProcessMetrics(PrometheusMeterRegistry metrics, ThreadPool threads) {
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ClassLoaderMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        new FileDescriptorMetrics().bindTo(metrics);
        new JettyServerThreadPoolMetrics(threads,
                Tags.empty()).bindTo(metrics);
    }

    /** Every route the server answers, as "GET /users/{id}"; for the test that holds openapi.yaml to it. */
    public List<String> routes() {
        return routes;
    }

    /**
     * Ends every live stream while the server goes on: each client reconnects with its last event id
     * and receives exactly what it missed. For moving clients off before maintenance, and for tests
     * of that resume.
     */
    public void dropStreams() {
        feeds.dropSubscribers();
    }

    /** Renews the presence of every user with an instance's stream open now rather than at the guard's next round (every 10 s). */
    public void renewStreamPresence() {
        feeds.renewPresence();
    }

    /** Returns how many live streams are open now (a stream whose client went away counts until its next write fails). */
    public int streamSubscribers() {
        return feeds.subscribers();
    }

    /** Rechecks every open stream's access now rather than at the guard's next round: after an operator's change, and in tests. */
    public void recheckStreams() {
        feeds.recheckAll();
    }

    /** Returns the base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String url() {
        String shown = host.equals("0.0.0.0") ? "localhost" : host;
        return "http://" + shown + ":" + app.port();
    }

    /** Returns the port the server listens on. */
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
