package org.convene.store;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.convene.core.StoreUnavailableException;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;
import redis.embedded.core.RedisServerBuilder;

/**
 * A real redis-server started by Convene itself, so that it runs with nothing installed but a JDK.
 *
 * <p>With a data directory it keeps an append-only file there, so stopping and starting keeps
 * everything. Several Convene processes on one data directory (a scheduler and a CLI command, say)
 * share one server: the first starts it and records its port; the others find it and use it.
 */
public final class EmbeddedRedis implements AutoCloseable {
    private static final String PORT_FILE = "redis.port";
    /** File locks guard against other processes; threads of this one queue here first. */
    private static final Object IN_PROCESS = new Object();

    private final RedisServer server;
    private final int port;
    private final Path dir;
    private final boolean longLived;

    private EmbeddedRedis(RedisServer server, int port, Path dir, boolean longLived) {
        this.server = server;
        this.port = port;
        this.dir = dir;
        this.longLived = longLived;
    }

    /** Who serves a data directory: the port, and whether its owner stays up. */
    private record Owner(int port, boolean longLived) {}

    /**
     * Uses the server already running on {@code dataDir}, or starts one; {@code fsync} is Redis's
     * {@code appendfsync} ({@code everysec} or {@code always}). A {@code longLived} process (the
     * scheduler, the server) does not lean on a server that a one-off command started and will stop
     * in a moment: it waits for that command to finish and then starts its own.
     */
    public static EmbeddedRedis start(Path dataDir, String fsync, boolean longLived) {
        try {
            Files.createDirectories(dataDir);
            Path dir = dataDir.toRealPath();
            long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            for (EmbeddedRedis found = useOrStart(dir, fsync, longLived); ; found = useOrStart(dir, fsync, longLived)) {
                if (found != null) return found;
                if (System.nanoTime() > giveUp) {
                    throw new IOException("another Convene command still holds the embedded Redis in " + dir);
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while starting the embedded Redis", e);
        } catch (IOException | RuntimeException e) {
            throw new StoreUnavailableException("Cannot start the embedded Redis in " + dataDir + ": "
                    + RedisConnection.rootMessage(e), e);
        }
    }

    /** Uses the running server or starts one; null while a one-off command's server is in the way. */
    private static EmbeddedRedis useOrStart(Path dir, String fsync, boolean longLived) throws IOException {
        synchronized (IN_PROCESS) {
            try (FileChannel lockFile = lockFile(dir); FileLock ignored = lockFile.lock()) {
                Owner running = running(dir);
                if (running != null) {
                    return running.longLived() || !longLived ? new EmbeddedRedis(null, running.port(), dir, false) : null;
                }
                int port = freePort();
                RedisServer server = builder(ExecutableProvider.newJarResourceProvider(), port)
                        .setting("dir " + dir)
                        .setting("appendonly yes")
                        .setting("appendfsync " + fsync)
                        .setting("save \"\"")
                        .build();
                server.start();
                Files.writeString(dir.resolve(PORT_FILE), port + " " + (longLived ? "long" : "short"),
                        StandardCharsets.US_ASCII);
                return new EmbeddedRedis(server, port, dir, longLived);
            }
        }
    }

    /** Starts a server that keeps nothing on disk, for tests and throw-away runs. */
    public static EmbeddedRedis ephemeral() {
        return ephemeral(ExecutableProvider.newJarResourceProvider());
    }

    /** Starts a server that keeps nothing on disk, from the given redis-server binary. */
    public static EmbeddedRedis ephemeral(ExecutableProvider executable) {
        try {
            int port = freePort();
            RedisServer server = builder(executable, port).setting("save \"\"").setting("appendonly no").build();
            server.start();
            return new EmbeddedRedis(server, port, null, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RedisServerBuilder builder(ExecutableProvider executable, int port) {
        return RedisServer.newRedisServer().executableProvider(executable).bind("127.0.0.1").port(port);
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Returns whether this process started the server, and so stops it on close. */
    public boolean owned() {
        return server != null;
    }

    /** Returns whether the server was started by a process that stays up. */
    public boolean longLived() {
        return longLived;
    }

    /** Stops the server if this process started it. */
    @Override
    public void close() {
        if (server == null) return;
        try {
            if (dir == null) {
                server.stop();
                return;
            }
            // Under the start lock, so that no other process starts a server on this append-only
            // file while this one is still writing its last records.
            synchronized (IN_PROCESS) {
                try (FileChannel lockFile = lockFile(dir); FileLock ignored = lockFile.lock()) {
                    server.stop();
                    Files.deleteIfExists(dir.resolve(PORT_FILE));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileChannel lockFile(Path dir) throws IOException {
        return FileChannel.open(dir.resolve("redis.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    /** The live server that serves {@code dir}, or null when there is none. */
    private static Owner running(Path dir) {
        Path portFile = dir.resolve(PORT_FILE);
        if (!Files.exists(portFile)) return null;
        try {
            String[] words = Files.readString(portFile).trim().split(" ");
            int port = Integer.parseInt(words[0]);
            RedisURI uri = RedisURI.create("127.0.0.1", port);
            uri.setTimeout(Duration.ofSeconds(2));
            RedisClient client = RedisClient.create(uri);
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                Map<String, String> config = connection.sync().configGet("dir");
                if (!dir.toString().equals(config.get("dir"))) return null;
                return new Owner(port, words.length > 1 && words[1].equals("long"));
            } finally {
                client.shutdown();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

}
