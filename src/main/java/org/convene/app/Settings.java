package org.convene.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convene.core.SignIns;
import org.convene.http.ServerSettings;
import org.convene.signin.OidcSettings;
import org.convene.store.ReplicaWait;
import org.convene.store.StoreSettings;
import org.convene.webhook.WebhookSettings;

/**
 * Every setting of Convene, read once from the environment at start; nothing else reads it. The
 * README's configuration table lists them. Bad values are refused with a message naming the variable.
 */
public record Settings(StoreSettings store, ServerSettings server, Duration schedulerPoll, String logLevel,
                       String requestLogLevel, String logFormat, WebhookSettings webhooks, Optional<String> webhookKey,
                       AuditSettings audit, SignInSettings signIn) {

    /**
     * How people sign in: the organisation's identity provider if one is configured (CONVENE_OIDC_*), and how long a
     * console session stays open unused (CONVENE_SESSION_IDLE_MINUTES).
     */
    public record SignInSettings(Optional<OidcSettings> oidc, SignIns.SignInPolicy policy,
                                 Optional<org.convene.mail.SmtpSettings> smtp) {
        /** No identity provider and no mail server; sessions idle out after eight hours. */
        public static SignInSettings defaults() {
            return new SignInSettings(Optional.empty(), SignIns.SignInPolicy.defaults(), Optional.empty());
        }
    }

    /** The audit trail's settings: the key that signs its checkpoints (else a key file), and how long records are kept. */
    public record AuditSettings(Optional<String> key, Duration retention) {
        public AuditSettings {
            if (retention.compareTo(Duration.ofDays(1)) < 0) {
                throw new IllegalArgumentException("CONVENE_AUDIT_RETENTION_DAYS must be at least 1");
            }
        }
    }

    /** Reads the settings from {@code env}, with defaults for what is missing. */
    public static Settings from(Map<String, String> env) {
        Reader read = new Reader(env);
        String url = read.text("CONVENE_REDIS_URL", "");
        StoreSettings store = new StoreSettings(url.isEmpty() ? Optional.empty() : Optional.of(url),
                Boolean.parseBoolean(read.text("CONVENE_REDIS_CLUSTER", "false")),
                read.number("CONVENE_EVENTS_DB", 1), Path.of(read.text("CONVENE_DATA_DIR", "data")),
                read.text("CONVENE_FSYNC", "everysec"), new ReplicaWait(read.number("CONVENE_REDIS_WAIT_REPLICAS", 0),
                        read.millis("CONVENE_REDIS_WAIT_MS", 1000)));
        String origins = read.text("CONVENE_CORS_ORIGINS", "");
        ServerSettings.Timings timings = ServerSettings.Timings.defaults();
        ServerSettings server = new ServerSettings(
                new ServerSettings.Listen(read.text("CONVENE_HTTP_HOST", "127.0.0.1"), read.number("CONVENE_HTTP_PORT", 8080)),
                new ServerSettings.Admission(Optional.of(read.text("CONVENE_ADMIN_TOKEN", "")).filter(s -> !s.isEmpty()),
                        origins.isEmpty() ? List.of() : Arrays.stream(origins.split(",")).map(String::trim).toList(),
                        read.millis("CONVENE_TOKEN_CACHE_MS", 5_000),
                        Optional.of(read.text("CONVENE_METRICS_TOKEN", "")).filter(s -> !s.isEmpty()),
                        Boolean.parseBoolean(read.text("CONVENE_METRICS_PUBLIC", "false"))),
                new ServerSettings.Limits(read.number("CONVENE_MAX_BODY_BYTES", 65_536),
                        read.number("CONVENE_CHAT_PER_MINUTE", 60), read.number("CONVENE_SIGN_IN_FAILURES_PER_MINUTE", 30)),
                new ServerSettings.Timings(read.millis("CONVENE_FEED_POLL_MS", 1000), timings.heartbeat(),
                        timings.idleTimeout(), timings.stopTimeout(), read.millis("CONVENE_STREAM_RECHECK_MS", 1_000)));
        WebhookSettings webhooks = WebhookSettings.defaults(
                Boolean.parseBoolean(read.text("CONVENE_WEBHOOK_ALLOW_PRIVATE", "false")),
                read.number("CONVENE_WEBHOOK_WORKERS", 32), read.millis("CONVENE_WEBHOOK_POLL_MS", 200),
                read.number("CONVENE_WEBHOOK_RETENTION_DAYS", 30));
        return new Settings(store, server, read.millis("CONVENE_SCHEDULER_POLL_MS", 200),
                read.text("CONVENE_LOG_LEVEL", "WARN"), read.text("CONVENE_REQUEST_LOG", "INFO"),
                read.text("CONVENE_LOG_FORMAT", "text"), webhooks,
                Optional.of(read.text("CONVENE_WEBHOOK_KEY", "")).filter(s -> !s.isEmpty()),
                new AuditSettings(Optional.of(read.text("CONVENE_AUDIT_KEY", "")).filter(s -> !s.isEmpty()),
                        Duration.ofDays(read.number("CONVENE_AUDIT_RETENTION_DAYS", 365))),
                signIn(env, read));
    }

    private static SignInSettings signIn(Map<String, String> env, Reader read) {
        Optional<OidcSettings> oidc = OidcSettings.from(env);
        return new SignInSettings(oidc, new SignIns.SignInPolicy(
                Duration.ofMinutes(read.number("CONVENE_SESSION_IDLE_MINUTES", 480)),
                Duration.ofHours(read.number("CONVENE_SESSION_MAX_HOURS", 24)),
                oidc.map(OidcSettings::linkByEmail).orElse(false)), org.convene.mail.SmtpSettings.from(env));
    }

    public Settings {
        if (schedulerPoll.toMillis() < 10) throw new IllegalArgumentException("CONVENE_SCHEDULER_POLL_MS must be at least 10");
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            throw new IllegalArgumentException("CONVENE_LOG_FORMAT must be 'text' or 'json', was '" + logFormat + "'");
        }
    }

    /** Whether the administrator's token is set by CONVENE_ADMIN_TOKEN rather than made and stored. */
    public boolean adminTokenConfigured() {
        return server.admission().adminToken().isPresent();
    }

    /** The same settings on another store: for tests and the benchmark's throwaway servers. */
    public Settings withStore(StoreSettings other) {
        return new Settings(other, server, schedulerPoll, logLevel, requestLogLevel, logFormat, webhooks, webhookKey, audit, signIn);
    }

    /** The same settings with other sign-in settings: for tests. */
    public Settings withSignIn(SignInSettings other) {
        return new Settings(store, server, schedulerPoll, logLevel, requestLogLevel, logFormat, webhooks, webhookKey, audit, other);
    }

    /** The same settings with another server part. */
    public Settings withServer(ServerSettings other) {
        return new Settings(store, other, schedulerPoll, logLevel, requestLogLevel, logFormat, webhooks, webhookKey, audit, signIn);
    }

    /** The same settings with other webhook settings: for tests. */
    public Settings withWebhooks(WebhookSettings other) {
        return new Settings(store, server, schedulerPoll, logLevel, requestLogLevel, logFormat, other, webhookKey, audit, signIn);
    }

    private record Reader(Map<String, String> env) {
        String text(String name, String fallback) {
            return env.getOrDefault(name, fallback).trim();
        }

        int number(String name, int fallback) {
            String value = text(name, Integer.toString(fallback));
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number, was '" + value + "'");
            }
        }

        Duration millis(String name, int fallback) {
            int value = number(name, fallback);
            if (value < 1) throw new IllegalArgumentException(name + " must be at least 1, was " + value);
            return Duration.ofMillis(value);
        }
    }

    /** Where the HTTP server listens, as host:port (CONVENE_HTTP_HOST, CONVENE_HTTP_PORT). */
    public String listenAddress() {
        return server.listen().toString();
    }
}
