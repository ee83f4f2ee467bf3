package org.convene.store;

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
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.convene.core.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real redis-server started by Convene itself, so that it runs with nothing installed but a JDK.
 *
 * <p>With a data directory it keeps an append-only file there, so stopping and starting keeps
 * everything. It is Convene's alone: a random password made at the first start and kept in the data
 * directory, readable by its owner only, as is everything there (the directory 0700, files 0600);
 * bound to loopback; the commands Convene never needs ({@code CONFIG}, {@code MODULE}, {@code DEBUG},
 * replication) disabled. The process that started it supervises it: should it die, it is started
 * again on the same data within a second. A server left over by a Convene that is gone (kill -9)
 * is stopped and replaced, so that the current settings apply.
 *
 * <p>Several Convene processes on one data directory (a scheduler and a CLI command, say) share one
 * server: the first starts it and records its port and its own process id; the others find it and use it.
 *
 * <p>A little over 300 lines: sharing, securing, supervising and replacing a left-over server all
 * turn on the same files in the data directory and the same lock, so they stay together.
 */
public final class EmbeddedRedis implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);
    private static final String PORT_FILE = "redis.port";
    private static final String PASSWORD_FILE = "redis.password";
    private static final String CONFIG_FILE = "redis.conf";
    private static final String PID_FILE = "redis.pid";
    private static final List<String> DISABLED = List.of("CONFIG", "MODULE", "DEBUG", "REPLICAOF", "SLAVEOF", "SYNC",
            "PSYNC");
    /** File locks guard against other processes; threads of this one queue here first. */
    private static final Object IN_PROCESS = new Object();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_QUICK_RESTARTS = 5;

    private final Path dir;
    private final Path tempDir;
    private final int port;
    private final Optional<String> password;
    private final boolean longLived;
    private final Path binary;
    private final Path config;
    private volatile RedisProcess process;
    private volatile boolean closing;
    private int quickRestarts;
    private long lastRestart;

    private EmbeddedRedis(Path dir, Path tempDir, int port, Optional<String> password, boolean longLived, Path binary,
                          Path config, RedisProcess process) {
        this.dir = dir;
        this.tempDir = tempDir;
        this.port = port;
        this.password = password;
        this.longLived = longLived;
        this.binary = binary;
        this.config = config;
        this.process = process;
        if (process != null) supervise(process);
    }

    /** Who serves a data directory: the port, and whether its owner stays up. */
    private record Owner(int port, boolean longLived) {}

    /**
     * Uses the server already running on {@code dataDir}, or starts one; {@code fsync} is Redis's
     * {@code appendfsync} ({@code everysec}, {@code always} or {@code no}). A {@code longLived} process
     * (the scheduler, the server) does not lean on a server that a one-off command started and will
     * stop in a moment: it waits for that command to finish and then starts its own.
     */
    public static EmbeddedRedis start(Path dataDir, String fsync, boolean longLived) {
        try {
            Files.createDirectories(dataDir);
            Path dir = dataDir.toRealPath();
            ownerOnly(dir);
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
                String password = password(dir);
                Owner running = running(dir, password);
                if (running != null) {
                    return running.longLived() || !longLived ? new EmbeddedRedis(dir, null, running.port(),
                            Optional.of(password), false, null, null, null) : null;
                }
                // Nobody alive owns it: a redis-server still running here was left by a Convene that is gone.
                RedisProcess.stopLeftOver(dir.resolve(PID_FILE));
                int port = freePort();
                Path config = writeConfig(dir, dir, port, Optional.of(password), List.of("appendonly yes",
                        "appendfsync " + fsync));
                Path binary = RedisProcess.binaryIn(dir.resolve(".redis"));
                RedisProcess process = RedisProcess.start(binary, config, dir.resolve(PID_FILE), port, Optional.of(password));
                Files.writeString(dir.resolve(PORT_FILE), port + " " + (longLived ? "long" : "short") + " "
                        + ProcessHandle.current().pid(), StandardCharsets.US_ASCII);
                ownerOnly(dir);
                return new EmbeddedRedis(dir, null, port, Optional.of(password), longLived, binary, config, process);
            }
        }
    }

    /** Starts a server that keeps nothing on disk, for tests and throw-away runs: loopback, no password. */
    public static EmbeddedRedis ephemeral() {
        return ephemeral(null);
    }

    /** Starts a server that keeps nothing on disk, from the given redis-server binary (null: the embedded one). */
    public static EmbeddedRedis ephemeral(Path binary) {
        try {
            Path temp = Files.createTempDirectory("convene-redis");
            int port = freePort();
            Path config = writeConfig(temp, temp, port, Optional.empty(), List.of("appendonly no"));
            Path executable = binary != null ? binary : RedisProcess.binaryIn(sharedBinaryDir());
            RedisProcess process = RedisProcess.start(executable, config, temp.resolve(PID_FILE), port, Optional.empty());
            return new EmbeddedRedis(temp, temp, port, Optional.empty(), false, executable, config, process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where throw-away servers take their binary from: one copy per user, reused, never one per start. */
    private static Path sharedBinaryDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "convene-redis-" + System.getProperty("user.name"));
    }

    private static Path writeConfig(Path dataDir, Path configDir, int port, Optional<String> password,
                                    List<String> persistence) throws IOException {
        StringBuilder conf = new StringBuilder()
                .append("# Written by Convene at each start; edits are overwritten.\n")
                .append("bind 127.0.0.1\nprotected-mode yes\nport ").append(port).append('\n')
                .append("dir ").append(dataDir).append('\n')
                .append("pidfile ").append(dataDir.resolve(PID_FILE)).append('\n')
                .append("logfile ").append(dataDir.resolve("redis.log")).append('\n')
                .append("daemonize no\nsave \"\"\n");
        persistence.forEach(line -> conf.append(line).append('\n'));
        password.ifPresent(p -> conf.append("requirepass ").append(p).append('\n'));
        if (password.isPresent()) DISABLED.forEach(command -> conf.append("rename-command ").append(command).append(" \"\"\n"));
        Path file = configDir.resolve(CONFIG_FILE);
        Files.writeString(file, conf, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** The data directory's password, made at the first start: 256 random bits, readable by its owner only. */
    private static String password(Path dir) throws IOException {
        Path file = dir.resolve(PASSWORD_FILE);
        if (Files.exists(file)) return Files.readString(file).trim();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.writeString(file, password, StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return password;
    }

    /** The directory 0700 and every file in it 0600: private chat is nobody else's to read. */
    private static void ownerOnly(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        }
    }

    /** Restarts the server on the same data whenever it exits while this process still needs it. */
    private void supervise(RedisProcess watched) {
        watched.onExit(() -> {
            if (closing || watched != process) return;
            synchronized (this) {
                if (closing || watched != process) return;
                long now = System.nanoTime();
                quickRestarts = now - lastRestart < Duration.ofMinutes(1).toNanos() ? quickRestarts + 1 : 1;
                lastRestart = now;
                if (quickRestarts > MAX_QUICK_RESTARTS) {
                    LOG.error("The embedded Redis keeps exiting ({} times in a minute); see {}; not restarting it again",
                            quickRestarts, dir.resolve("redis.log"));
                    return;
                }
                LOG.warn("The embedded Redis on {} exited; starting it again on the same data", dir);
                try {
                    RedisProcess restarted = RedisProcess.start(binary, config, dir.resolve(PID_FILE), port, password);
                    process = restarted;
                    supervise(restarted);
                } catch (RuntimeException e) {
                    LOG.error("Could not restart the embedded Redis on {}: {}", dir, e.getMessage());
                }
            }
        });
    }

    /** The URL to reach it, with its password. */
    public String url() {
        return "redis://" + password.map(p -> ":" + p + "@").orElse("") + "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Returns whether this process started the server, and so supervises it and stops it on close. */
    public boolean owned() {
        return process != null;
    }

    /** Returns whether the server was started by a process that stays up. */
    public boolean longLived() {
        return longLived;
    }

    /** The redis-server's process id, while this process owns it and it runs. */
    public Optional<Long> pid() {
        RedisProcess current = process;
        return current == null ? Optional.empty() : current.redisPid();
    }

    /** Stops the server if this process started it (cleanly: its append-only file is flushed first). */
    @Override
    public void close() {
        RedisProcess current = process;
        if (current == null) return;
        closing = true;
        try {
            if (tempDir != null) {
                current.stop();
                deleteTree(tempDir);
                return;
            }
            // Under the start lock, so that no other process starts a server on this append-only
            // file while this one is still writing its last records.
            synchronized (IN_PROCESS) {
                try (FileChannel lockFile = lockFile(dir); FileLock ignored = lockFile.lock()) {
                    current.stop();
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

    /** The live server that serves {@code dir} for a live Convene process, or null when there is none. */
    private static Owner running(Path dir, String password) {
        Path portFile = dir.resolve(PORT_FILE);
        if (!Files.exists(portFile)) return null;
        try {
            String[] words = Files.readString(portFile).trim().split(" ");
            int port = Integer.parseInt(words[0]);
            boolean ownerAlive = words.length > 2 && ProcessHandle.of(Long.parseLong(words[2]))
                    .map(ProcessHandle::isAlive).orElse(false);
            if (!ownerAlive) return null;
            Optional<String> configFile = RedisProbe.configFile(port, Optional.of(password));
            if (configFile.isEmpty() || !Path.of(configFile.get()).equals(dir.resolve(CONFIG_FILE))) return null;
            return new Owner(port, words[1].equals("long"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
