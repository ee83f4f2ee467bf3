package org.convene.http;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP server's settings (read from the environment by the composition root): where it listens,
 * the configured administrator token if any, the largest body, the chat allowance, CORS origins,
 * and its timings: how often live feeds are read, the streams' heartbeat, the idle cut-off and how
 * long a stop waits for requests in flight, how long a token lookup is remembered, and how often open
 * streams' access is rechecked; failed sign-ins allowed per address a minute; who may read the metrics.
 */
public record ServerSettings(String host, int port, Optional<String> adminToken, long maxBodyBytes, int chatPerMinute,
                             List<String> corsOrigins, Duration feedPoll, Duration heartbeat, Duration idleTimeout,
                             Duration stopTimeout, Duration tokenCache, Duration streamRecheck,
                             int signInFailuresPerMinute, Optional<String> metricsToken, boolean metricsPublic) {

    public ServerSettings {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("CONVENE_HTTP_PORT must be 0 to 65535, was " + port);
        if (maxBodyBytes < 1024) throw new IllegalArgumentException("CONVENE_MAX_BODY_BYTES must be at least 1024");
        if (chatPerMinute < 1) throw new IllegalArgumentException("CONVENE_CHAT_PER_MINUTE must be at least 1");
        if (adminToken.isPresent() && adminToken.get().length() < 16) {
            throw new IllegalArgumentException("CONVENE_ADMIN_TOKEN must be at least 16 characters");
        }
        corsOrigins = List.copyOf(corsOrigins);
        if (signInFailuresPerMinute < 1) {
            throw new IllegalArgumentException("CONVENE_SIGN_IN_FAILURES_PER_MINUTE must be at least 1");
        }
        if (metricsToken.isPresent() && metricsToken.get().length() < 16) {
            throw new IllegalArgumentException("CONVENE_METRICS_TOKEN must be at least 16 characters");
        }
    }

    /** The defaults for everything but where to listen and the first five settings. */
    public ServerSettings(String host, int port, Optional<String> adminToken, long maxBodyBytes, int chatPerMinute,
                          List<String> corsOrigins) {
        this(host, port, adminToken, maxBodyBytes, chatPerMinute, corsOrigins, Duration.ofSeconds(1),
                Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(5),
                Duration.ofSeconds(1), 30, Optional.empty(), false);
    }
}
