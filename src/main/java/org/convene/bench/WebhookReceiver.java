package org.convene.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webhook receiver on a plain socket, as small receivers are written: {@link Kind#KEEP_ALIVE} answers
 * HTTP/1.1 and keeps the connection, {@link Kind#CLOSING} answers HTTP/1.0 and closes it after each
 * request without saying so (as Python's {@code http.server} does), {@link Kind#SLOW} keeps the
 * connection but answers after two seconds. Each request is handed on as it arrives. Run as a program
 * ({@code java ... WebhookReceiver KIND...}) it listens on loopback, prints {@code ready KIND PORT} for
 * each kind, then one line per delivery: the benchmark's receiver in a process of its own.
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");
    private static final Pattern INSTANCE = Pattern.compile("\"instanceId\":(\\d+)");
    private static final Pattern SEQUENCE = Pattern.compile("\"sequence\":(\\d+)");

    /** How a receiver treats its connections. */
    public enum Kind { KEEP_ALIVE, CLOSING, SLOW }

    /** One request received: its message id, instance and sequence, the event's time and when it arrived (ms). */
    public record Received(Kind kind, String messageId, long instanceId, long sequence, long eventMillis,
                           long arrivedMillis) {
        /** The line the program prints for it. */
        public String line() {
            return kind.name().toLowerCase(Locale.ROOT) + " " + messageId + " " + instanceId + " " + sequence + " "
                    + eventMillis + " " + arrivedMillis;
        }

        /** The request a printed line tells of. */
        public static Received parse(String line) {
            String[] f = line.split(" ");
            return new Received(Kind.valueOf(f[0].toUpperCase(Locale.ROOT)), f[1], Long.parseLong(f[2]),
                    Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]));
        }
    }

    private final Kind kind;
    private final ServerSocket server;
    private final Consumer<Received> sink;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "webhook-receiver");
        t.setDaemon(true);
        return t;
    });

    private WebhookReceiver(Kind kind, Consumer<Received> sink) throws IOException {
        this.kind = kind;
        this.sink = sink;
        this.server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        connections.execute(this::accept);
    }

    /** A receiver of {@code kind} on a free loopback port, handing each request to {@code sink}. */
    public static WebhookReceiver start(Kind kind, Consumer<Received> sink) throws IOException {
        return new WebhookReceiver(kind, sink);
    }

    /** The port it listens on. */
    public int port() {
        return server.getLocalPort();
    }

    /** Its address for a webhook endpoint. */
    public String url() {
        return "http://127.0.0.1:" + port() + "/" + kind.name().toLowerCase(Locale.ROOT);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                Map<String, String> headers = new HashMap<>();
                if (!readHead(in, headers)) return;
                byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
                sink.accept(received(headers.getOrDefault("webhook-id", ""), new String(body, StandardCharsets.UTF_8)));
                if (kind == Kind.SLOW) Thread.sleep(Duration.ofSeconds(2).toMillis());
                if (kind == Kind.CLOSING) {
                    out.write("HTTP/1.0 204 No Content\r\nServer: BaseHTTP/0.6\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return;
                }
                out.write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException | InterruptedException | RuntimeException gone) {
            // the client went away, or the receiver stops
        }
    }

    /** Reads a request line and headers (names lower-cased); false at the end of the connection. */
    private static boolean readHead(InputStream in, Map<String, String> headers) throws IOException {
        String line = readLine(in);
        if (line == null || line.isEmpty()) return false;
        for (line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return true;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') return line.toString(StandardCharsets.US_ASCII).stripTrailing();
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    private Received received(String messageId, String body) {
        return new Received(kind, messageId, number(INSTANCE, body), number(SEQUENCE, body), eventMillis(body),
                System.currentTimeMillis());
    }

    private static long number(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static long eventMillis(String body) {
        Matcher m = TIMESTAMP.matcher(body);
        return m.find() ? Instant.parse(m.group(1)).toEpochMilli() : -1;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        connections.shutdownNow();
    }

    /** Listens for each kind named in {@code args}, prints where, then a line per request, until killed. */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (String name : args) {
            WebhookReceiver receiver = start(Kind.valueOf(name.toUpperCase(Locale.ROOT)), r -> {
                synchronized (out) {
                    out.println(r.line());
                }
            });
            synchronized (out) {
                out.println("ready " + name.toLowerCase(Locale.ROOT) + " " + receiver.port());
            }
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
