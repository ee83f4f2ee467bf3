package org.convene.chaos;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.convene.cli.Main;
import org.convene.testing.ChildJvm;

/**
 * Several {@code convene serve} processes, each a JVM of its own on one Redis Cluster, each on a port of
 * its own that it keeps across a restart (so that a client comes back to the same address). Stopped by
 * their process ids only.
 */
final class ConveneNodes implements AutoCloseable {
    static final String ADMIN_TOKEN = "chaos-admin-token-0123456789abcdef";
    /** The key every node signs the audit checkpoints with, as a deployment shares one. */
    static final org.convene.audit.SealKey AUDIT_KEY = org.convene.audit.SealKey.generate();

    private final String redisUrls;
    private final int waitReplicas;
    private final int[] ports;
    private final ChildJvm[] processes;
    private final boolean[] up;
    /** What nodes printed before they were killed, kept for the run's logs. */
    private final List<String> earlier = new ArrayList<>();

    private ConveneNodes(String redisUrls, int count, int waitReplicas) {
        this.redisUrls = redisUrls;
        this.waitReplicas = waitReplicas;
        this.ports = new int[count];
        this.processes = new ChildJvm[count];
        this.up = new boolean[count];
    }

    /** Starts {@code count} nodes on the cluster at {@code redisUrls}, all at once, and waits until each serves. */
    static ConveneNodes start(String redisUrls, int count, int waitReplicas) throws Exception {
        ConveneNodes nodes = new ConveneNodes(redisUrls, count, waitReplicas);
        try {
            for (int i = 0; i < count; i++) {
                nodes.ports[i] = freePort();
                nodes.launch(i);
            }
            for (int i = 0; i < count; i++) nodes.awaitServing(i);
            return nodes;
        } catch (Exception e) {
            nodes.close();
            throw e;
        }
    }

    int size() {
        return ports.length;
    }

    /** The base URL of node {@code i}. */
    String url(int i) {
        return "http://127.0.0.1:" + ports[i];
    }

    /** Whether node {@code i} is meant to be running (the harness's knowledge, not a probe). */
    synchronized boolean isUp(int i) {
        return up[i];
    }

    /** A node that is meant to be running, drawn at random (as a load balancer that health-checks would). */
    synchronized int anyUp(Random random) {
        List<Integer> running = new ArrayList<>();
        for (int i = 0; i < up.length; i++) if (up[i]) running.add(i);
        return running.isEmpty() ? random.nextInt(up.length) : running.get(random.nextInt(running.size()));
    }

    /** SIGKILL of node {@code i}, as a crash or an operator's kill -9 would. */
    void kill(int i) throws InterruptedException {
        synchronized (this) {
            up[i] = false;
        }
        processes[i].killHard();
        if (!ChildJvm.awaitGone(processes[i].pid(), 10)) throw new IllegalStateException("node " + i + " did not die");
    }

    /** Starts node {@code i} again on its port and waits until it serves. */
    void restart(int i) throws Exception {
        launch(i);
        awaitServing(i);
    }

    private void launch(int i) throws IOException {
        if (processes[i] != null) earlier.add("node " + i + " (killed)\n" + processes[i].output());
        Map<String, String> env = new HashMap<>();
        env.put("CONVENE_REDIS_URL", redisUrls);
        env.put("CONVENE_REDIS_CLUSTER", "true");
        env.put("CONVENE_HTTP_PORT", Integer.toString(ports[i]));
        env.put("CONVENE_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("CONVENE_AUDIT_KEY", AUDIT_KEY.privateBase64()); // one key for every node: one trail, checked with it at the end
        env.put("CONVENE_REQUEST_LOG", "OFF");
        env.put("CONVENE_LOG_LEVEL", "WARN"); // a failed scheduler tick says why, in target/chaos-nodes-*.log
        env.put("CONVENE_CHAT_PER_MINUTE", "1000000");
        env.put("CONVENE_SCHEDULER_POLL_MS", "100");
        env.put("CONVENE_REDIS_WAIT_REPLICAS", Integer.toString(waitReplicas));
        // Serial GC and a bounded heap: three of these share two cores with six Redis processes and the test.
        processes[i] = ChildJvm.start(Main.class, env, List.of("-XX:+UseSerialGC", "-Xmx384m"), "serve");
    }

    private void awaitServing(int i) throws Exception {
        processes[i].awaitLine("Convene is serving on", 120);
        synchronized (this) {
            up[i] = true;
        }
    }

    /** What node {@code i} printed, for a failure's message. */
    String output(int i) {
        return processes[i] == null ? "" : processes[i].output();
    }

    @Override
    public void close() throws InterruptedException {
        List<String> logs = new ArrayList<>(earlier);
        for (int i = 0; i < processes.length; i++) if (processes[i] != null) logs.add("node " + i + "\n" + processes[i].output());
        try {
            Files.writeString(Path.of("target", "chaos-nodes-wait" + waitReplicas + ".log"),
                    String.join("\n\n", logs));
        } catch (IOException e) {
            // the logs are for reading after a failure; a run does not fail for them
        }
        for (ChildJvm process : processes) {
            if (process != null) process.close();
        }
    }

    /** A free port below the kernel's ephemeral range, so that no client connection takes it while a node restarts. */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(22_000, 32_000);
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port between 22000 and 32000");
    }
}
