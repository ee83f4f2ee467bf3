package org.convene.courier;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
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
 * Posts webhooks with OkHttp, connecting only where the {@link TargetGuard} allows. Every socket checks
 * the address it is about to connect to before connecting, so no byte of a request can reach an address
 * inside, IP literals included (OkHttp looks no name up for them). The name lookup is the guard's too,
 * so that a name resolving inside is refused in the guard's words; and a name that changes its answer
 * after the lookup (DNS rebinding) still meets the check at the connection. No proxy and no redirects;
 * the whole call is bounded by the timeout and at most {@code maxAnswerBytes} of the answer's body are
 * read (a longer body cancels the call; OkHttp holds the headers to 256 KiB), so a slow or huge answer
 * cannot hold a worker.
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
        this(guard, timeout, maxAnswerBytes, new GuardedSockets(guard));
    }

    /** A courier connecting with {@code sockets}, which tests give to watch the connections. */
    OkHttpCourier(TargetGuard guard, Duration timeout, int maxAnswerBytes, SocketFactory sockets) {
        this.maxAnswerBytes = maxAnswerBytes;
        this.client = new OkHttpClient.Builder()
                .dns(new GuardedDns(guard))
                .socketFactory(sockets)
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
        if (e instanceof AddressRefusedException) return "address refused: " + detail;
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

    /**
     * Sockets that refuse an address the guard does not allow before connecting to it. OkHttp asks only
     * for unconnected sockets and connects them itself; the connected kinds connect the same way.
     */
    private static final class GuardedSockets extends SocketFactory {
        private final TargetGuard guard;

        GuardedSockets(TargetGuard guard) {
            this.guard = guard;
        }

        @Override
        public Socket createSocket() {
            return new GuardedSocket(guard);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port), new InetSocketAddress(0));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port), new InetSocketAddress(0));
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress localHost, int localPort)
                throws IOException {
            return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
        }

        private Socket connected(InetSocketAddress to, InetSocketAddress from) throws IOException {
            Socket socket = createSocket();
            try {
                socket.bind(from);
                socket.connect(to);
                return socket;
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }
    }

    /** A socket that checks, before connecting, the very address it connects to; a refused one is never reached. */
    private static final class GuardedSocket extends Socket {
        private final TargetGuard guard;

        GuardedSocket(TargetGuard guard) {
            this.guard = guard;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            // Socket itself refuses an address of another kind or an unresolved one: it has nothing to connect to.
            if (endpoint instanceof InetSocketAddress to && !to.isUnresolved()) {
                Optional<String> refusal = guard.refusal(to.getAddress());
                if (refusal.isPresent()) throw new AddressRefusedException(refusal.get());
            }
            super.connect(endpoint, timeout);
        }
    }

    /** A connection refused by the guard; not a {@link ConnectException}, which OkHttp would rewrap. */
    private static final class AddressRefusedException extends IOException {
        AddressRefusedException(String message) {
            super(message);
        }
    }
}
