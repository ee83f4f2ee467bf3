package org.convene.chaos;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.chaos.Ledger.Outcome;

/**
 * The operations of a fault run, sent over HTTP to a Convene node as a client would, with the
 * administrator's token acting for each user (a "leave" for another user is a host's removal, reason kicked,
 * recorded in the meeting's audit trail) and as the meetings' host; each answer classified as the ledger counts it.
 */
final class Traffic {
    private static final Pattern NUMBER = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern TYPE = Pattern.compile("urn:convene:problem:([a-z-]+)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** An operation's outcome; for a refusal, its problem type ("already-in"...); for a post, the number it was given. */
    record Answer(Outcome outcome, int status, String problem, long number) {}

    Answer join(String node, long user, long instance) {
        return send(request(node, "/instances/" + instance + "/participants")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":" + user + "}")));
    }

    Answer leave(String node, long user, long instance) {
        return send(request(node, "/instances/" + instance + "/participants/" + user).DELETE());
    }

    /** Posts {@code text}; the same {@code idempotencyKey} sent again (to any node) posts it once. */
    Answer post(String node, long user, long instance, String text, String idempotencyKey) {
        return send(request(node, "/instances/" + instance + "/messages").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":" + user + ",\"text\":\"" + text + "\"}")));
    }

    /** A host's deletion of message {@code number}, as root. */
    Answer deleteMessage(String node, long instance, long number) {
        return send(request(node, "/instances/" + instance + "/messages/" + number).DELETE());
    }

    /** A host's ban of a user from a meeting (taking them out of its active instance), or its lifting, as root. */
    Answer ban(String node, long meeting, long user, boolean lift) {
        HttpRequest.Builder r = request(node, "/meetings/" + meeting + "/bans/" + user);
        return send(lift ? r.DELETE() : r.PUT(HttpRequest.BodyPublishers.ofString("{\"reason\":\"chaos\"}")));
    }

    Answer end(String node, long instance) {
        return send(request(node, "/instances/" + instance + "/end").POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpRequest.Builder request(String node, String path) {
        // A client's patience: shorter than the store's 10 s command timeout, so that a worker waiting on a stalled
        // primary gives up (outcome unknown) and goes on with the others, as people do.
        return HttpRequest.newBuilder(URI.create(node + path)).timeout(Duration.ofSeconds(4))
                .header("Authorization", "Bearer " + ConveneNodes.ADMIN_TOKEN).header("Content-Type", "application/json");
    }

    private Answer send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException notSent) {
            return new Answer(Outcome.FAILED, 0, "", 0); // never reached a node: certainly not applied
        } catch (IOException lost) {
            return new Answer(Outcome.UNKNOWN, 0, "", 0); // sent; the node went away before answering
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Outcome.UNKNOWN, 0, "", 0);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            Matcher id = NUMBER.matcher(response.body());
            return new Answer(Outcome.OK, status, "", id.find() ? Long.parseLong(id.group(1)) : 0);
        }
        Matcher type = TYPE.matcher(response.body());
        String problem = type.find() ? type.group(1) : "";
        // 503: the node could not reach the store, or the store could not confirm the write; either way it may have happened.
        if (status >= 500) return new Answer(Outcome.UNKNOWN, status, problem, 0);
        return new Answer(Outcome.REFUSED, status, problem, 0);
    }
}
