package org.convene.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.convene.core.AdjustableClock;
import org.convene.core.Convene;
import org.convene.core.Services;
import org.convene.http.ConveneServer;
import org.convene.http.ServerSettings;
import org.convene.model.TimeWindow;
import org.convene.store.RedisStore;

/**
 * A real Convene server on an ephemeral port over the embedded test Redis, with the seed world:
 * John (1) and Jane (2) with tokens; public meeting 1 with instance 1 active; meeting 2 private to
 * John, with instance 2 active.
 */
public final class ApiServer implements AutoCloseable {
    /** The configured administrator token. */
    public static final String ADMIN = "test-admin-token-0123456789";
    /** Where the server's clock starts, and is set back to by {@link #reset}. */
    public static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The server's clock, which tests move. */
    public final AdjustableClock clock = new AdjustableClock(T0);
    /** The store, on the embedded test Redis. */
    public final RedisStore store = new RedisStore(RedisTargets.embedded(), 1);
    /** The application on {@link #store} and {@link #clock}, for writing what a test starts from. */
    public final Convene convene = new Convene(store, clock);
    /** The services the server answers with. */
    public final Services services;
    /** The running server. */
    public final ConveneServer server;
    /** John's token, fresh after each {@link #reset}. */
    public String john;
    /** Jane's token, fresh after each {@link #reset}. */
    public String jane;

    /** A server with {@code chatPerMinute} and no CORS origins. */
    public ApiServer(int chatPerMinute) {
        this(chatPerMinute, List.of());
    }

    /** A server with {@code chatPerMinute} and these CORS origins. */
    public ApiServer(int chatPerMinute, List<String> corsOrigins) {
        this(chatPerMinute, corsOrigins, true);
    }

    /** With {@code configuredAdmin} false, the administrator token is the stored one, made at start. */
    public ApiServer(int chatPerMinute, List<String> corsOrigins, boolean configuredAdmin) {
        this(TestServers.settings(configuredAdmin ? Optional.of(ADMIN) : Optional.empty(), chatPerMinute, corsOrigins));
    }

    /** A server with exactly these settings (the seed world's tokens are issued as usual). */
    public ApiServer(ServerSettings settings) {
        this(settings, (store, usual) -> usual);
    }

    /** A server with these settings on the services {@code wiring} makes of the store and the usual services. */
    public ApiServer(ServerSettings settings,
                     BiFunction<RedisStore, Services, Services> wiring) {
        services = wiring.apply(store, TestServers.services(store, clock, settings));
        server = ConveneServer.start(services, settings, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> true);
        reset();
    }

    /**
     * A server with these settings and the environment {@code env} beside them (such as CONVENE_OIDC_* for an identity
     * provider's access tokens), wired as the composition root wires it.
     */
    public ApiServer(ServerSettings settings, java.util.Map<String, String> env) {
        services = org.convene.app.Node.on(store, org.convene.app.Settings.from(env).withServer(settings), clock).services();
        server = ConveneServer.start(services, settings, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> true);
        reset();
    }

    /** Wipes the store and writes the seed world again, with fresh tokens. */
    public void reset() {
        store.maintenance().wipe();
        clock.set(T0);
        SeedWorld world = SeedWorld.write(convene, new TimeWindow(T0.minusSeconds(60), T0.plusSeconds(3600)),
                new TimeWindow(T0.minusSeconds(60), T0.plusSeconds(3600)));
        john = services.tokens().issue(world.john().id());
        jane = services.tokens().issue(world.jane().id());
    }

    /** A status and the answer it came with. */
    public record Response(int status, HttpResponse<String> raw) {
        /** The body, parsed as JSON. */
        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + raw.body(), e);
            }
        }

        /** The first value of the header {@code name}, or null. */
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The Content-Type header, or null. */
        public String contentType() {
            return header("Content-Type");
        }
    }

    /** Sends {@code json} (if not null) with {@code token} (if not null) and extra header name-value pairs. */
    public Response call(String method, String path, String token, String json, String... headers) {
        return send(method, path, token, json == null ? null : json.getBytes(StandardCharsets.UTF_8),
                "application/json", headers);
    }

    /** A status, the status line and headers, and the body read from a plain socket. */
    public record RawResponse(int status, String head, String body) {
        /** The first value of the header {@code name}, or null. */
        public String header(String name) {
            return head.lines().filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(l -> l.substring(name.length() + 1).trim()).findFirst().orElse(null);
        }

        /** The Content-Type header, or "" when there is none. */
        public String contentType() {
            String type = header("Content-Type");
            return type == null ? "" : type;
        }
    }

    /**
     * Sends a large body over a plain socket and reads whatever the server answers, even when it
     * answers before the body is sent and stops reading (as it should for a body over its limit).
     */
    public RawResponse sendLarge(String method, String path, String token, byte[] body) {
        String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        return exchange(head.getBytes(StandardCharsets.US_ASCII), body);
    }

    /**
     * Sends {@code request} exactly as given (request line, headers, any body) over a plain socket and
     * reads the answer: for malformed requests, which no HTTP client would send.
     */
    public RawResponse sendRaw(String request) {
        return exchange(request.getBytes(StandardCharsets.ISO_8859_1), new byte[0]);
    }

    private RawResponse exchange(byte[] head, byte[] body) {
        URI uri = URI.create(server.url());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            var out = socket.getOutputStream();
            try {
                out.write(head);
                out.write(body);
                out.flush();
            } catch (IOException refusedEarly) {
                // the server answered and closed before taking the whole request: read its answer
            }
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            return new RawResponse(Integer.parseInt(response.substring(9, 12)), response.substring(0, split),
                    response.substring(split + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code body} (if not null) as {@code contentType}, with {@code token} and extra header name-value pairs. */
    public Response send(String method, String path, String token, byte[] body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) request.header("Authorization", "Bearer " + token);
        if (body != null && contentType != null) request.header("Content-Type", contentType);
        for (int i = 0; i + 1 < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.close();
    }
}
