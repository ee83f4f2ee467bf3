package org.convene.chaos;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client of one live stream that does not stay on one node: every few seconds, and whenever its stream
 * breaks (its node killed, the store unreachable), it connects to the next node with {@code Last-Event-ID}
 * set to the last event it received whole. It keeps every event id in the order received, for the check
 * that the stream arrived in order, without gaps or repeats, across every reconnect and node change.
 */
final class StreamFollower implements AutoCloseable {
    private static final ScheduledExecutorService CUTTER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "stream-follower-hops");
        thread.setDaemon(true);
        return thread;
    });

    private final String path;
    private final ConveneNodes nodes;
    private final Random random;
    private final List<String> ids = new CopyOnWriteArrayList<>();
    private final AtomicInteger hops = new AtomicInteger();
    private final AtomicInteger breaks = new AtomicInteger();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile String last;

    /** Follows {@code path} ("/instances/7/stream", "/stream?scope=lifecycle") across {@code nodes}. */
    StreamFollower(String path, ConveneNodes nodes, long seed) {
        this.path = path;
        this.nodes = nodes;
        this.random = new Random(seed);
        this.thread = new Thread(this::follow, "stream-follower " + path);
        thread.setDaemon(true);
        thread.start();
    }

    private void follow() {
        int node = random.nextInt(nodes.size());
        while (!stopped) {
            node = (node + 1) % nodes.size();
            if (!nodes.isUp(node)) continue;
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(nodes.url(node) + path).toURL().openConnection();
                connection.setConnectTimeout(2_000);
                connection.setReadTimeout(20_000); // the server sends a heartbeat every 15 s
                connection.setRequestProperty("Accept", "text/event-stream");
                connection.setRequestProperty("Authorization", "Bearer " + ConveneNodes.ADMIN_TOKEN);
                if (last != null) connection.setRequestProperty("Last-Event-ID", last);
                if (connection.getResponseCode() != 200) {
                    connection.disconnect();
                    breaks.incrementAndGet();
                    pause();
                    continue;
                }
                // A hop on purpose after 2-5 s: closing the socket ends the read, and the next connection is to another node.
                var cut = CUTTER.schedule(connection::disconnect, 2_000 + random.nextInt(3_000), TimeUnit.MILLISECONDS);
                read(connection.getInputStream());
                if (cut.cancel(false)) breaks.incrementAndGet(); else hops.incrementAndGet();
                connection.disconnect();
            } catch (IOException broken) {
                breaks.incrementAndGet();
                try {
                    pause();
                } catch (InterruptedException e) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Reads events until the stream ends; an event counts once its closing blank line has arrived. */
    private void read(InputStream body) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            for (String line = lines.readLine(); line != null && !stopped; line = lines.readLine()) {
                if (line.startsWith("id: ")) id = line.substring(4).trim();
                if (line.isEmpty() && id != null) {
                    ids.add(id);
                    last = id;
                    id = null;
                }
            }
        } catch (IOException endedOrCut) {
            // the node went away, or the hop timer closed it
        }
    }

    private static void pause() throws InterruptedException {
        Thread.sleep(100); // a stream that cannot connect now tries the next node shortly, not in a tight loop
    }

    /** Every event id received, in order, across all connections. */
    List<String> ids() {
        return List.copyOf(ids);
    }

    /** The last event id received whole, or null. */
    String last() {
        return last;
    }

    /** Connections ended on purpose to change node / ended by a failure. */
    int hops() {
        return hops.get();
    }

    int breaks() {
        return breaks.get();
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join(5_000);
    }
}
