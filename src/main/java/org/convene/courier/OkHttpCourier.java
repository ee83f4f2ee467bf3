package org.convene.courier;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.convene.model.RefusedException;
import org.convene.webhook.TargetGuard;
import org.convene.webhook.port.Courier;

/**
 * Posts webhooks with OkHttp. Its name lookup is the {@link TargetGuard}'s: a host is resolved once
 * per connection, every address checked, and only those addresses connected to, so a name that
 * changes its answer between the check and the connection (DNS rebinding) cannot reach inside. No
 * proxy and no redirects; the whole call is bounded by the timeout and at most {@code maxAnswerBytes}
 * of the answer are read (a longer answer cancels the call), so a slow or huge answer cannot hold a worker.
 *
 * <p>Connections are kept for the next delivery to the same receiver. A receiver that closes its
 * connection after each answer without saying so (HTTP/1.0, as Python's http.server does) leaves a
 * kept connection dead; a request that finds it so never reached the receiver, and OkHttp sends it
 * again at once on a new connection (its retry on connection failure) rather than the attempt failing.
 */
public final class OkHttpCourier implements Courier {
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient client;
    private final int maxAnswerBytes;

    /** A courier that checks targets with {@code guard} and gives each call {@code timeout}. */
    public OkHttpCourier(TargetGuard guard, Duration timeout, int maxAnswerBytes) {
        this.maxAnswerBytes = maxAnswerBytes;
        this.client = new OkHttpClient.Builder()
                .dns(new GuardedDns(guard))
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(true)
                .callTimeout(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .connectionPool(new ConnectionPool(32, 1, TimeUnit.MINUTES))
                .build();
    }

    @Override
    public Answer post(URI url, Map<String, String> headers, byte[] body) {
        long start = System.nanoTime();
        Request.Builder request = new Request.Builder().url(url.toString()).post(RequestBody.create(body, JSON))
                .header("User-Agent", "Convene-Webhooks/1");
        headers.forEach(request::header);
        Call call = client.newCall(request.build());
        try (Response response = call.execute()) {
            ResponseBody answer = response.body();
            // A small answer is read whole, so that the connection can be kept; a longer one cancels the call, or
            // closing the response would read on to drain it.
            if (answer.source().request(maxAnswerBytes + 1L)) call.cancel();
            return new Answer(response.code(), millisSince(start), response.isSuccessful() ? "" : "answered " + response.code());
        } catch (IOException e) {
            return new Answer(0, millisSince(start), why(e));
        }
    }

    /** Why an attempt got no answer, in the words the delivery log shows. */
    static String why(IOException e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof UnknownHostException) return "address refused or not found: " + detail;
        if (e instanceof ConnectException) return "connection refused: " + detail;
        if (e instanceof SSLException) return "TLS failed: " + detail;
        if (e instanceof InterruptedIOException) return "no answer within the timeout";
        if (e instanceof EOFException || detail.startsWith("unexpected end of stream")) {
            return "connection closed before an answer";
        }
        if (detail.toLowerCase(Locale.ROOT).contains("reset")) return "connection reset: " + detail;
        return "connection failed: " + detail;
    }

    /** Shuts the client's threads and connections down. */
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Name lookup through the guard: a refused target fails the call like a name that does not resolve. */
    private record GuardedDns(TargetGuard guard) implements Dns {
        @Override
        public List<InetAddress> lookup(String host) throws UnknownHostException {
            try {
                return guard.resolve(host);
            } catch (RefusedException e) {
                throw new UnknownHostException(e.getMessage());
            }
        }
    }
}
