package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.stream.Stream;
import org.convene.testing.ApiServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What HTTP, Javalin and Jetty allow by themselves that Convene must not. */
class ProtocolHardeningTest extends ApiServerTest {
    static final String SECRET = "cv_secret-token-never-echoed";

    @BeforeEach
    void seedWorld() {
        api.reset();
    }

    @Test
    void aMethodOverrideHeaderDoesNotTurnAGetIntoADelete() {
        var answer = api.call("GET", "/users/2", ApiServer.ADMIN, null, "X-HTTP-Method-Override", "DELETE");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("name").asText()).isEqualTo("Jane Smith");
        assertThat(api.call("GET", "/users/2", ApiServer.ADMIN, null).status()).isEqualTo(200);
    }

    @Test
    void aHeadIsRefusedWhereItsGetWouldBe() {
        assertThat(api.call("HEAD", "/users", null, null).status()).isEqualTo(401);
        assertThat(api.call("HEAD", "/users", api.john, null).status()).isEqualTo(403);
        assertThat(api.call("HEAD", "/users/99", ApiServer.ADMIN, null).status()).isEqualTo(404);
    }

    @Test
    void aHeadIsAnsweredAsItsGetWithoutTheBody() {
        var head = api.call("HEAD", "/users/1", api.john, null);
        var get = api.call("GET", "/users/1", api.john, null);

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("ETag")).isEqualTo(get.header("ETag"));
        assertThat(head.contentType()).startsWith("application/json");
        assertThat(head.raw().body()).isEmpty();
    }

    @Test
    void aHeadOnAStreamOpensNoStream() {
        var head = api.call("HEAD", "/stream", api.john, null, "Accept", "text/event-stream");

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.contentType()).startsWith("text/event-stream");
        assertThat(api.server.streamSubscribers()).isZero();
    }

    /** Requests Jetty refuses before Javalin sees them, each carrying the token in its query. */
    static Stream<Arguments> requestsJettyRefuses() {
        String query = "?access_token=" + SECRET;
        return Stream.of(
                Arguments.of("a URI that does not decode", 400, "GET /instances/%C0%AE/stream" + query + " HTTP/1.1\r\n"
                        + "Host: x\r\nConnection: close\r\n\r\n"),
                Arguments.of("a %u escape", 400, "GET /instances/%u002e/stream" + query + " HTTP/1.1\r\nHost: x\r\n"
                        + "Connection: close\r\n\r\n"),
                Arguments.of("a URI too long", 414, "GET /users" + query + "&pad=" + "a".repeat(17 * 1024) + " HTTP/1.1\r\n"
                        + "Host: x\r\nConnection: close\r\n\r\n"),
                Arguments.of("headers too large", 431, "GET /users" + query + " HTTP/1.1\r\nHost: x\r\nX-Pad: "
                        + "a".repeat(17 * 1024) + "\r\nConnection: close\r\n\r\n"),
                Arguments.of("an unknown HTTP version", 505, "GET /users" + query + " HTTP/7.1\r\nHost: x\r\n"
                        + "Connection: close\r\n\r\n"),
                Arguments.of("a bad Content-Length", 400, "POST /users" + query + " HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 12x\r\nConnection: close\r\n\r\n{}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestsJettyRefuses")
    void whatJettyRefusesItselfIsAProblemDocumentThatEchoesNoToken(String what, int status, String request) {
        var answer = api.sendRaw(request);

        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.body()).contains("\"status\":" + status).doesNotContain(SECRET, "<html");
    }

    @ParameterizedTest
    @MethodSource("stockSwaggerUiFiles")
    void theStockSwaggerUiPagesAreNotServed(String path) {
        assertThat(api.call("GET", path, null, null).status()).isEqualTo(404);
    }

    static Stream<String> stockSwaggerUiFiles() throws IOException {
        Properties webjar = new Properties();
        try (InputStream in = ProtocolHardeningTest.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            webjar.load(in);
        }
        return Stream.of("index.html", "swagger-initializer.js", "oauth2-redirect.html", "swagger-ui-bundle.js")
                .map(file -> "/webjars/swagger-ui/" + webjar.getProperty("version") + "/" + file);
    }

    @ParameterizedTest
    @MethodSource("docsFiles")
    void theFilesTheDocsUseCarryTheDocsHeaders(String path) {
        var file = api.call("GET", path, null, null);

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'");
        assertThat(file.header("X-Frame-Options")).isEqualTo("DENY");
    }

    static Stream<String> docsFiles() {
        String page = api.call("GET", "/docs", null, null).raw().body();
        return Stream.concat(Stream.of("/docs"), Stream.of(page.split("\"")).filter(s -> s.startsWith("/docs")));
    }
}
