package org.convene.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Redis Cluster of 3 primaries and 3 replicas from plain redis-server processes, through
 * scripts/redis-cluster: started in a directory of its own, and every process it started stopped by its
 * pid (a node can also be killed with SIGKILL and started again, for fault injection).
 */
public final class ClusterProcesses implements AutoCloseable {
    private final Path dir;
    private final List<Integer> ports;

    private ClusterProcesses(Path dir, List<Integer> ports) {
        this.dir = dir;
        this.ports = ports;
    }

    /** Starts a cluster in a new temporary directory. */
    public static ClusterProcesses start() {
        try {
            Path dir = Files.createTempDirectory("convene-cluster-");
            String output = run("start", dir.toString());
            String line = output.lines().filter(l -> l.startsWith("ports ")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no ports from scripts/redis-cluster: " + output));
            return new ClusterProcesses(dir, Arrays.stream(line.substring(6).trim().split(" ")).map(Integer::parseInt).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Integer> ports() {
        return ports;
    }

    /** The URLs of every node, as CONVENE_REDIS_URL takes them. */
    public String urls() {
        return ports.stream().map(p -> "redis://127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    /** SIGKILL of the node on {@code port}. */
    public void kill(int port) {
        run("kill", dir.toString(), Integer.toString(port));
    }

    /** Starts the node on {@code port} again; it rejoins the cluster. */
    public void restart(int port) {
        run("restart", dir.toString(), Integer.toString(port));
    }

    /** SIGSTOP of the node on {@code port}: alive, but answering nothing. */
    public void pause(int port) {
        run("pause", dir.toString(), Integer.toString(port));
    }

    /** SIGCONT of the node on {@code port}. */
    public void resume(int port) {
        run("resume", dir.toString(), Integer.toString(port));
    }

    @Override
    public void close() {
        for (int port : ports) run("resume", dir.toString(), Integer.toString(port)); // a paused node cannot stop
        run("stop", dir.toString());
    }

    private static String run(String... args) {
        try {
            String[] command = new String[args.length + 1];
            command[0] = "scripts/redis-cluster";
            System.arraycopy(args, 0, command, 1, args.length);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("scripts/redis-cluster " + String.join(" ", args) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
