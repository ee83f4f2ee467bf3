package org.convene.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The workload through Convene's REST API with the JDK's HttpClient (HTTP/1.1, kept-alive
 * connections), as an application would call it. A 4xx answer is a refusal; anything else that is
 * not a success is a failure.
 */
final class HttpTarget implements Target {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI server;
    private final String authorization;

    HttpTarget(URI server, String token) {
        this.server = server;
        this.authorization = "Bearer " + token;
    }

    private void send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) request.header("Content-Type", "application/json");
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 400 && status < 500) throw new Refused(method + " " + path + ": " + status);
        if (status >= 300) throw new IllegalStateException(method + " " + path + " answered " + status);
    }

    @Override
    public void join(long user, long instance) {
        send("POST", "/instances/" + instance + "/participants", "{\"userId\":" + user + "}");
    }

    @Override
    public void leave(long user, long instance) {
        send("DELETE", "/instances/" + instance + "/participants/" + user, null);
    }

    @Override
    public void post(long user, long instance, String text) {
        send("POST", "/instances/" + instance + "/messages", "{\"userId\":" + user + ",\"text\":\"" + text + "\"}");
    }

    @Override
    public void readChat(long instance) {
        send("GET", "/instances/" + instance + "/messages?before=9007199254740991&limit=50", null);
    }

    @Override
    public void participants(long instance) {
        send("GET", "/instances/" + instance + "/participants", null);
    }

    @Override
    public void activeInstances() {
        send("GET", "/active-instances", null);
    }

    @Override
    public void joinTimes() {
        send("GET", "/join-times", null);
    }
}
