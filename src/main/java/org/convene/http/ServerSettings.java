package org.convene.http;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP server's settings (read from the environment by the composition root), in four parts:
 * where it listens, who gets in, what one client may send, and its timings.
 */
public record ServerSettings(Listen listen, Admission admission, Limits limits, Timings timings) {

    /** Where the server listens (CONVENE_HTTP_HOST, CONVENE_HTTP_PORT; port 0: any free one). */
    public record Listen(String host, int port) {
        public Listen {
            if (port < 0 || port > 65535) throw new IllegalArgumentException("CONVENE_HTTP_PORT must be 0 to 65535, was " + port);
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /**
     * Who gets in: the configured administrator token if any, the origins browsers may call from, how long
     * a token lookup is remembered, and who may read the metrics (a token of their own, or anyone).
     */
    public record Admission(Optional<String> adminToken, List<String> corsOrigins, Duration tokenCache,
                            Optional<String> metricsToken, boolean metricsPublic) {
        public Admission {
            if (adminToken.isPresent() && adminToken.get().length() < 16) {
                throw new IllegalArgumentException("CONVENE_ADMIN_TOKEN must be at least 16 characters");
            }
            if (metricsToken.isPresent() && metricsToken.get().length() < 16) {
                throw new IllegalArgumentException("CONVENE_METRICS_TOKEN must be at least 16 characters");
            }
            corsOrigins = List.copyOf(corsOrigins);
        }

        /** No configured tokens, no other origins, lookups remembered five seconds. */
        public static Admission defaults(Optional<String> adminToken) {
            return new Admission(adminToken, List.of(), Duration.ofSeconds(5), Optional.empty(), false);
        }
    }

    /** What one client may send: the largest body, chat messages a user a minute, failed sign-ins an address a minute. */
    public record Limits(long maxBodyBytes, int chatPerMinute, int signInFailuresPerMinute) {
        public Limits {
            if (maxBodyBytes < 1024) throw new IllegalArgumentException("CONVENE_MAX_BODY_BYTES must be at least 1024");
            if (chatPerMinute < 1) throw new IllegalArgumentException("CONVENE_CHAT_PER_MINUTE must be at least 1");
            if (signInFailuresPerMinute < 1) {
                throw new IllegalArgumentException("CONVENE_SIGN_IN_FAILURES_PER_MINUTE must be at least 1");
            }
        }

        /** 64 KiB bodies, 60 messages and 30 failed sign-ins a minute. */
        public static Limits defaults() {
            return new Limits(65_536, 60, 30);
        }
    }

    /**
     * How often live feeds are read whatever word came, the streams' heartbeat, the idle cut-off, how long a
     * stop waits for requests in flight, and how often open streams' access is rechecked.
     */
    public record Timings(Duration feedPoll, Duration heartbeat, Duration idleTimeout, Duration stopTimeout,
                          Duration streamRecheck) {
        /** A second, 15 s, 30 s, 10 s and a second. */
        public static Timings defaults() {
            return new Timings(Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(10),
                    Duration.ofSeconds(1));
        }
    }

    /** The defaults on {@code listen}, with {@code adminToken} configured if present. */
    public static ServerSettings defaults(Listen listen, Optional<String> adminToken) {
        return new ServerSettings(listen, Admission.defaults(adminToken), Limits.defaults(), Timings.defaults());
    }

    /** The same settings with other limits. */
    public ServerSettings with(Limits other) {
        return new ServerSettings(listen, admission, other, timings);
    }

    /** The same settings with other timings. */
    public ServerSettings with(Timings other) {
        return new ServerSettings(listen, admission, limits, other);
    }

    /** The same settings with another admission. */
    public ServerSettings with(Admission other) {
        return new ServerSettings(listen, other, limits, timings);
    }
}
