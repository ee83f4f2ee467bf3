package org.convene.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.convene.core.Convene;
import org.convene.core.ProviderLogin;
import org.convene.core.Services;
import org.convene.signin.OidcProvider;
import org.convene.http.ConveneServer;
import org.convene.audit.AuditSealer;
import org.convene.audit.AuditTrail;
import org.convene.audit.SealKey;
import org.convene.schedule.InstanceScheduler;
import org.convene.schedule.Transition;
import org.convene.series.HorizonKeeper;
import org.convene.series.Recurrences;
import org.convene.store.RedisStore;
import org.convene.store.StoreSession;
import org.convene.courier.OkHttpCourier;
import org.convene.webhook.SecretBox;
import org.convene.webhook.TargetGuard;
import org.convene.webhook.WebhookDispatcher;
import org.convene.webhook.Webhooks;

/**
 * The composition root: the one place that builds Convene from its parts. It opens the store the
 * settings name, puts the application's services on it, and from them a scheduler and an HTTP
 * server. Adapters receive what it built; none of them reaches the store itself.
 *
 * <pre>{@code
 * try (Node node = Node.open(Settings.from(System.getenv()), false)) {
 *     node.services().convene().activeInstances();
 * }
 * }</pre>
 */
public final class Node implements AutoCloseable {
    private final Settings settings;
    private final StoreSession session;
    private final RedisStore store;
    private final Clock clock;
    private final Services services;
    /** The node's metrics, from the start: the Redis connection records its commands' latency here. */
    private final PrometheusMeterRegistry metrics;
    /** Seals and opens webhook secrets with this node's key. */
    private final SecretBox webhookBox;
    /** Signs the audit checkpoints. */
    private final SealKey sealKey;
    /** The console's sign-in through the identity provider, where one is configured. */
    private final Optional<ProviderLogin> login;

    private Node(Settings settings, StoreSession session, RedisStore store, Clock clock,
                 PrometheusMeterRegistry metrics) {
        this.metrics = metrics;
        this.settings = settings;
        this.session = session;
        this.store = store;
        this.clock = clock;
        this.webhookBox = WebhookKey.box(settings, session != null);
        this.sealKey = AuditKey.of(settings, session != null);
        Optional<OidcProvider> provider = settings.signIn().oidc().map(oidc -> new OidcProvider(oidc, clock));
        this.services = Services.on(store, clock, settings.server().admission().adminToken(),
                settings.server().admission().tokenCache(), settings.server().limits().chatPerMinute(),
                settings.server().limits().signInFailuresPerMinute(),
                new Webhooks(store.webhooks(), webhookBox, new TargetGuard(settings.webhooks().allowPrivate()), clock,
                        settings.webhooks().keep()), new Recurrences(store.series(), clock),
                new AuditTrail(store.audit(), sealKey), provider.map(OidcProvider::accessTokens),
                settings.signIn().policy(), settings.signIn().smtp().map(smtp ->
                        new org.convene.core.Accounts.Mail(new org.convene.mail.SmtpMail(smtp), smtp.publicUrl())));
        this.login = provider.map(p -> p.login(services.signIns()));
    }

    /** Opens the store the settings name (starting the embedded Redis if none is); {@code longLived} for servers. */
    public static Node open(Settings settings, boolean longLived) {
        Logging.apply(settings);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        StoreSession session = StoreSession.open(settings.store(), longLived, metrics);
        return new Node(settings, session, session.store(), Clock.systemUTC(), metrics);
    }

    /** A node on a store someone else opened and will close, on {@code clock}: for tests and the benchmark. */
    public static Node on(RedisStore store, Settings settings, Clock clock) {
        return new Node(settings, null, store, clock, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    public Settings settings() {
        return settings;
    }

    /** The console's sign-in through the identity provider, where one is configured. */
    public Optional<ProviderLogin> login() {
        return login;
    }

    /** The application's services on this node's clock. */
    public Services services() {
        return services;
    }

    /** The application on another clock, for replaying history (the seed's sample data, the demo). */
    public Convene convene(Clock other) {
        return new Convene(store, other);
    }

    /** A scheduler on this node's store and {@code on}'s time, telling {@code listener} of each transition. */
    public InstanceScheduler scheduler(Clock on, Duration poll, Consumer<Transition> listener) {
        return new InstanceScheduler(store.transitions(), on, poll, listener);
    }

    /**
     * Starts the scheduler, webhook delivery and the HTTP server, with metrics of each. Closing the result
     * stops them in order: the server (no new requests, streams closed, those in flight finished), webhook
     * delivery (attempts in flight finished), then the scheduler.
     */
    public Serving serve() {
        Timer lag = Timer.builder("convene_scheduler_lag").description("From a start or end falling due to its transition")
                .serviceLevelObjectives(Stream.of(1, 5, 10, 50, 100, 500, 1000, 5000)
                        .map(Duration::ofMillis).toArray(Duration[]::new)).register(metrics);
        // Each kind counted from zero, so that the series exist before the first transition.
        for (var kind : Transition.Kind.values()) transitions(metrics, kind);
        InstanceScheduler scheduler = scheduler(clock, settings.schedulerPoll(), t -> {
            transitions(metrics, t.kind()).increment();
            lag.record(Duration.between(t.dueAt(), clock.instant()));
        });
        scheduler.start();
        WebhookDispatcher webhooks = webhookDispatcher().start();
        FunctionCounter.builder("convene_series_topup_failures", services.recurrences(), Recurrences::topUpFailures)
                .description("Times a series could not be topped up (each is logged once and tried again within the hour)")
                .register(metrics);
        HorizonKeeper horizon = new HorizonKeeper(services.recurrences(),
                Duration.ofMinutes(1));
        AuditSealer sealer = sealer().start();
        Gauge.builder("convene_audit_seal_lag_seconds", sealer, s -> s.lag().toMillis() / 1000.0)
                .description("How long the oldest record waited for its seal at the sealer's last tick").register(metrics);
        try {
            return new Serving(ConveneServer.start(services, settings.server(), metrics, scheduler::isRunning, login), scheduler,
                    webhooks, horizon, sealer);
        } catch (RuntimeException e) {
            sealer.close();
            horizon.close();
            webhooks.close();
            scheduler.close();
            throw e;
        }
    }

    /** The audit sealer for this node's store and key, not started: it seals every 2 s once started, trims hourly. */
    public AuditSealer sealer() {
        return services.audit().sealer(clock, Duration.ofSeconds(2), settings.audit().retention())
                .witnessedBy(store.auditWebhooks(settings.webhooks().keep()));
    }

    /** A webhook dispatcher for this node, not started, with its metrics; unique in the consumer group. */
    public WebhookDispatcher webhookDispatcher() {
        var s = settings.webhooks();
        OkHttpCourier courier = new OkHttpCourier(new TargetGuard(s.allowPrivate()), s.timeout(), s.maxAnswerBytes());
        String consumer = ManagementFactory.getRuntimeMXBean().getName() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        return new WebhookDispatcher(store.deliveries(), courier, webhookBox, clock, s, new WebhookMetrics(metrics), consumer);
    }

    /** Describes where the data lives, for people. */
    public String description() {
        return session == null ? "the given store" : session.description();
    }

    @Override
    public void close() {
        if (session != null) session.close();
    }

    private static Counter transitions(PrometheusMeterRegistry metrics, Transition.Kind kind) {
        return Counter.builder("convene_scheduler_transitions").description("Activations, ends and reapings the scheduler made")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT)).register(metrics);
    }


    /** Convene serving: the HTTP server, webhook delivery and the scheduler, stopped in that order. */
    public static final class Serving implements AutoCloseable {
        private final ConveneServer server;
        private final InstanceScheduler scheduler;
        private final WebhookDispatcher webhooks;
        private final HorizonKeeper horizon;
        private final AuditSealer sealer;

        private Serving(ConveneServer server, InstanceScheduler scheduler, WebhookDispatcher webhooks,
                        HorizonKeeper horizon, AuditSealer sealer) {
            this.server = server;
            this.scheduler = scheduler;
            this.webhooks = webhooks;
            this.horizon = horizon;
            this.sealer = sealer;
        }

        /** The server's base URL. */
        public String url() {
            return server.url();
        }

        /** The administrator token made at this start, to be shown once, if one was made. */
        public Optional<String> generatedAdminToken() {
            return server.generatedAdminToken();
        }

        @Override
        public void close() {
            server.close();
            sealer.close();
            horizon.close();
            webhooks.close();
            scheduler.close();
        }
    }
}
