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
    private final RedisServer server;
    private final int port;
    private final Path portFile;

    private EmbeddedRedis(RedisServer server, int port, Path portFile) {
        this.server = server;
        this.port = port;
        this.portFile = portFile;
    }

    /**
     * Uses the server already running on {@code dataDir}, or starts one; {@code fsync} is Redis's
     * {@code appendfsync} ({@code everysec} or {@code always}).
     */
    public static EmbeddedRedis start(Path dataDir, String fsync) {
        try {
            Files.createDirectories(dataDir);
            Path dir = dataDir.toRealPath();
            Path portFile = dir.resolve("redis.port");
            try (FileChannel lockFile = FileChannel.open(dir.resolve("redis.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                Integer running = runningPort(portFile, dir);
                if (running != null) return new EmbeddedRedis(null, running, null);
                int port = freePort();
                RedisServer server = builder(ExecutableProvider.newJarResourceProvider(), port)
                        .setting("dir " + dir)
                        .setting("appendonly yes")
                        .setting("appendfsync " + fsync)
                        .setting("save \"\"")
                        .build();
                server.start();
                Files.writeString(portFile, Integer.toString(port), StandardCharsets.US_ASCII);
                return new EmbeddedRedis(server, port, portFile);
            }
        } catch (IOException | RuntimeException e) {
            throw new StoreUnavailableException("Cannot start the embedded Redis in " + dataDir + ": "
                    + RedisConnection.rootMessage(e), e);
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
            return new EmbeddedRedis(server, port, null);
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

    /** Stops the server if this process started it. */
    @Override
    public void close() {
        if (server == null) return;
        try {
            if (portFile != null) Files.deleteIfExists(portFile);
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port of a live server that serves {@code dir}, or null when there is none. */
    private static Integer runningPort(Path portFile, Path dir) {
        if (!Files.exists(portFile)) return null;
        try {
            int port = Integer.parseInt(Files.readString(portFile).trim());
            RedisURI uri = RedisURI.create("127.0.0.1", port);
            uri.setTimeout(Duration.ofSeconds(2));
            RedisClient client = RedisClient.create(uri);
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                Map<String, String> config = connection.sync().configGet("dir");
                return dir.toString().equals(config.get("dir")) ? port : null;
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
