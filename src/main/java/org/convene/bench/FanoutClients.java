package org.convene.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The subscribers of a fan-out run, in a process of their own so that they neither share the
 * server's CPU accounting nor its file descriptors: one selector thread reads every stream over
 * plain non-blocking sockets (HTTP/1.0, so the body is the event stream itself, unchunked).
 *
 * <p>Driven over stdin/stdout by {@link FanoutRun}: it reads the server's address, token and run
 * name, then one stream path per line ({@code stall <path>} for a client that never reads), then
 * {@code go}; it answers {@code subscribed} once every reader has its stream. It then counts each
 * chat message of the run once per reader, with its latency from the time the message carries
 * (both processes read the same monotonic clock, {@link System#nanoTime()} on Linux), until it
 * reads {@code report <expected> <waitMillis>} and answers {@code result <delivered> <p50 µs> <p99 µs> <max µs>}.
 */
public final class FanoutClients {
    private static final int CONNECTING_AT_ONCE = 200;

    private final String host;
    private final int port;
    private final String token;
    private final byte[] marker;
    private final Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
    private final Selector selector;
    private long delivered;
    private int subscribed;
    private int failed;

    private FanoutClients(String host, int port, String token, String run) throws IOException {
        this.host = host;
        this.port = port;
        this.token = token;
        this.marker = ("fanout " + run + " ").getBytes(StandardCharsets.US_ASCII);
        this.selector = Selector.open();
    }

    /** One stream: where its unfinished line is kept between reads, and which messages it has had. */
    private static final class Reader {
        final byte[] request;
        final boolean stall;
        final BitSet seen = new BitSet();
        byte[] partial = new byte[0];
        boolean headerDone;
        boolean counted;

        Reader(byte[] request, boolean stall) {
            this.request = request;
            this.stall = stall;
        }
    }

    /** Runs the subscribers; see the class comment for the conversation. */
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String[] address = in.readLine().split(" ");
        FanoutClients clients = new FanoutClients(address[0], Integer.parseInt(address[1]), address[2], address[3]);
        List<Reader> readers = new ArrayList<>();
        for (String line = in.readLine(); line != null && !line.equals("go"); line = in.readLine()) {
            boolean stall = line.startsWith("stall ");
            readers.add(new Reader(clients.request(stall ? line.substring(6) : line), stall));
        }
        clients.connectAll(readers, out);
        Thread reading = new Thread(() -> clients.readUntilInterrupted(), "fanout-readers");
        reading.start();
        String[] report = in.readLine().split(" ");
        long expected = Long.parseLong(report[1]);
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Long.parseLong(report[2]));
        while (clients.delivered() < expected && System.nanoTime() < until) Thread.sleep(20);
        reading.interrupt();
        reading.join();
        synchronized (clients) {
            out.printf("result %d %d %d %d%n", clients.delivered, clients.latency.getValueAtPercentile(50),
                    clients.latency.getValueAtPercentile(99), clients.latency.getMaxValue());
        }
        System.exit(0);
    }

    private byte[] request(String path) {
        return ("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer "
                + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private synchronized long delivered() {
        return delivered;
    }

    /** Opens every stream, a few hundred connections at a time, and waits until each says it is subscribed. */
    private void connectAll(List<Reader> readers, PrintStream out) throws IOException {
        int next = 0;
        int open = 0;
        int wanted = (int) readers.stream().filter(r -> !r.stall).count();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16);
        while (subscribed + failed < wanted) {
            while (next < readers.size() && open - subscribed < CONNECTING_AT_ONCE) {
                Reader reader = readers.get(next++);
                SocketChannel channel = SocketChannel.open();
                if (reader.stall) channel.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
                channel.configureBlocking(false);
                channel.connect(new InetSocketAddress(host, port));
                channel.register(selector, SelectionKey.OP_CONNECT, reader);
                if (!reader.stall) open++;
            }
            if (System.nanoTime() > deadline) break;
            selector.select(100);
            handle(buffer);
        }
        if (failed > 0 || subscribed < wanted) {
            out.println("failed " + (wanted - subscribed) + " of " + wanted + " subscribers never got their stream");
            System.exit(1);
        }
        out.println("subscribed");
    }

    private void readUntilInterrupted() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                selector.select(100);
                handle(buffer);
            }
        } catch (IOException e) {
            System.err.println("reading streams failed: " + e);
        }
    }

    private void handle(ByteBuffer buffer) throws IOException {
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            Reader reader = (Reader) key.attachment();
            SocketChannel channel = (SocketChannel) key.channel();
            try {
                if (key.isConnectable()) {
                    channel.finishConnect();
                    channel.write(ByteBuffer.wrap(reader.request));
                    // A stalled client asks for its stream and then never reads a byte of it.
                    key.interestOps(reader.stall ? 0 : SelectionKey.OP_READ);
                } else if (key.isReadable()) {
                    buffer.clear();
                    int n = channel.read(buffer);
                    if (n < 0) {
                        // Refused (an error answer ends at once) or cut off: a reader that never got its
                        // stream is a failure; one cut off later reconnects no more, and what it missed counts.
                        key.cancel();
                        channel.close();
                        if (!reader.counted) failed++;
                        continue;
                    }
                    buffer.flip();
                    byte[] bytes = new byte[reader.partial.length + n];
                    System.arraycopy(reader.partial, 0, bytes, 0, reader.partial.length);
                    buffer.get(bytes, reader.partial.length, n);
                    consume(reader, bytes);
                }
            } catch (IOException e) {
                key.cancel();
                channel.close();
                if (!reader.counted) failed++;
            }
        }
    }

    /** Takes every complete line; keeps the unfinished one for the next read. */
    private void consume(Reader reader, byte[] bytes) {
        long now = System.nanoTime();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') continue;
            line(reader, bytes, start, i, now);
            start = i + 1;
        }
        reader.partial = start == bytes.length ? new byte[0] : Arrays.copyOfRange(bytes, start, bytes.length);
    }

    private void line(Reader reader, byte[] bytes, int from, int to, long now) {
        if (!reader.headerDone) {
            if (to - from <= 1) reader.headerDone = true;
            return;
        }
        if (!reader.counted && startsWith(bytes, from, ": subscribed")) {
            reader.counted = true;
            subscribed++;
            return;
        }
        if (!startsWith(bytes, from, "data: ")) return;
        int at = indexOf(bytes, from, to, marker);
        if (at < 0) return;
        int i = at + marker.length;
        long number = 0;
        for (; i < to && bytes[i] >= '0' && bytes[i] <= '9'; i++) number = number * 10 + (bytes[i] - '0');
        long sent = 0;
        for (i++; i < to && bytes[i] >= '0' && bytes[i] <= '9'; i++) sent = sent * 10 + (bytes[i] - '0');
        if (reader.seen.get((int) number)) return;
        reader.seen.set((int) number);
        synchronized (this) {
            delivered++;
            latency.recordValue(Math.min(latency.getHighestTrackableValue(), Math.max(0, (now - sent) / 1_000)));
        }
    }

    private static boolean startsWith(byte[] bytes, int from, String prefix) {
        if (bytes.length - from < prefix.length()) return false;
        for (int i = 0; i < prefix.length(); i++) if (bytes[from + i] != prefix.charAt(i)) return false;
        return true;
    }

    private static int indexOf(byte[] bytes, int from, int to, byte[] needle) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (bytes[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
