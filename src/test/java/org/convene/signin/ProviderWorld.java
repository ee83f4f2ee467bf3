package org.convene.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convene.app.Node;
import org.convene.app.Settings;
import org.convene.core.Convene;
import org.convene.http.ConveneServer;
import org.convene.http.ServerSettings;
import org.convene.store.RedisStore;
import org.convene.testing.RedisTargets;
import org.convene.testing.TestServers;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * An identity provider in-process (mock-oauth2-server, issuer {@code convene}) and two Convene nodes on one embedded
 * Redis that trust it: client {@code convene-console}, API audience {@code convene-api}, roles from {@code groups}.
 */
final class ProviderWorld implements AutoCloseable {
    static final String ISSUER_ID = "convene";
    static final String CLIENT = "convene-console";
    static final String AUDIENCE = "convene-api";
    static final String ADMIN = "provider-test-admin-token-0123";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    final MockOAuth2Server provider = new MockOAuth2Server();
    final RedisStore store = new RedisStore(RedisTargets.embedded(), 1);
    final Convene convene;
    final List<ConveneServer> nodes = new ArrayList<>();

    /** A provider and two nodes, with these CONVENE_OIDC_* settings over the defaults above. */
    ProviderWorld(Map<String, String> more) {
        provider.start();
        store.maintenance().wipe();
        Map<String, String> env = new HashMap<>(Map.of(
                "CONVENE_OIDC_ISSUER", provider.issuerUrl(ISSUER_ID).toString(),
                "CONVENE_OIDC_CLIENT_ID", CLIENT, "CONVENE_OIDC_CLIENT_SECRET", "a-client-secret-of-the-console",
                "CONVENE_OIDC_AUDIENCE", AUDIENCE, "CONVENE_OIDC_ROLE_CLAIM", "groups",
                "CONVENE_OIDC_ADMIN_VALUES", "convene-admins", "CONVENE_OIDC_ORGANIZER_VALUES", "convene-organizers",
                "CONVENE_OIDC_NAME", "Example Corp"));
        env.putAll(more);
        ServerSettings server = TestServers.settings(java.util.Optional.of(ADMIN), 60, List.of());
        for (int i = 0; i < 2; i++) {
            Node node = Node.on(new RedisStore(RedisTargets.embedded(), 1), Settings.from(env).withServer(server),
                    Clock.systemUTC());
            nodes.add(ConveneServer.start(node.services(), server, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                    () -> true, node.login()));
        }
        convene = new Convene(store, Clock.systemUTC());
    }

    ProviderWorld() {
        this(Map.of());
    }

    /** Node {@code i}'s address, such as {@code http://127.0.0.1:41234}. */
    String node(int i) {
        return "http://127.0.0.1:" + nodes.get(i).port();
    }

    /** An access token of the provider for {@code subject}, for the API's audience, with these claims. */
    String accessToken(String subject, Map<String, Object> claims) {
        return provider.issueToken(ISSUER_ID, subject, AUDIENCE, claims).serialize();
    }

    /** An access token as {@link #accessToken} makes it, for another audience or expiring in {@code seconds}. */
    String accessToken(String subject, String audience, Map<String, Object> claims, long seconds) {
        SignedJWT jwt = provider.issueToken(ISSUER_ID, subject, audience, claims, seconds);
        return jwt.serialize();
    }

    /** An answer: its status, headers and body. */
    record Answer(int status, HttpResponse<String> raw) {
        Answer withStatus() {
            return new Answer(raw.statusCode(), raw);
        }

        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + raw.body(), e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The value the answer sets cookie {@code name} to, or null when it sets none. */
        String setsCookie(String name) {
            return raw.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                    .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                    .findFirst().orElse(null);
        }

        /** The whole Set-Cookie header for cookie {@code name}, or null. */
        String cookieHeader(String name) {
            return raw.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
        }
    }

    /** Sends a request (redirects not followed) with a JSON body if not null and header name-value pairs. */
    static Answer send(String method, String url, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) request.header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        try {
            return new Answer(0, HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString())).withStatus();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** GET {@code path} of node {@code i} with a bearer token. */
    Answer get(int i, String path, String bearer) {
        return send("GET", node(i) + path, null, "Authorization", "Bearer " + bearer);
    }

    @Override
    public void close() {
        nodes.forEach(ConveneServer::close);
        provider.shutdown();
    }
}
