package org.convene.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One redis-server process that Convene started, from a binary of its own, with a config file of its
 * own. It runs under a small shell wrapper that makes it private and keeps it from outliving Convene:
 * files it creates are readable by their owner only (umask 077); it is in a session of its own
 * (setsid), so a Ctrl-C meant for Convene does not stop it before Convene has finished its requests;
 * and when Convene's end of the wrapper's standard input closes, however Convene ended, even by
 * kill -9, the wrapper stops Redis cleanly (SIGTERM: the append-only file is flushed first).
 */
final class RedisProcess {
    /** Waits on Redis; stops it when standard input closes or on a signal; exits with Redis's status. */
    private static final String WRAPPER = String.join("\n",
            "umask 077",
            // Background jobs of a script read /dev/null unless told otherwise: keep Convene's pipe as fd 3.
            "exec 3<&0",
            "\"$0\" \"$1\" </dev/null 3<&- &",
            "redis=$!",
            "trap 'kill -TERM $redis 2>/dev/null' TERM INT HUP",
            "( cat <&3 >/dev/null; kill -TERM $redis 2>/dev/null ) &",
            "watcher=$!",
            "status=0",
            "while kill -0 $redis 2>/dev/null; do wait $redis; status=$?; done",
            "kill $watcher 2>/dev/null",
            "exit $status");
    private static final Duration READY_WITHIN = Duration.ofSeconds(20);
    private static final Duration STOP_WITHIN = Duration.ofSeconds(10);

    private final Process wrapper;
    private final Path pidFile;

    private RedisProcess(Process wrapper, Path pidFile) {
        this.wrapper = wrapper;
        this.pidFile = pidFile;
    }

    /** Starts {@code binary} on {@code config}; returns once it answers on {@code port}. */
    static RedisProcess start(Path binary, Path config, Path pidFile, int port, Optional<String> password) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) command.add("/usr/bin/setsid");
        command.addAll(List.of("/bin/sh", "-c", WRAPPER, binary.toString(), config.toString()));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            RedisProcess started = new RedisProcess(process, pidFile);
            started.awaitReady(port, password);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady(int port, Optional<String> password) {
        long giveUp = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < giveUp) {
            if (!wrapper.isAlive()) {
                throw new IllegalStateException("redis-server exited at start with status " + wrapper.exitValue()
                        + " (see redis.log beside its data)");
            }
            if (RedisProbe.answers(port, password)) return;
            sleep(20);
        }
        stop();
        throw new IllegalStateException("redis-server did not answer on port " + port + " within " + READY_WITHIN.toSeconds()
                + " s");
    }

    /** Whether the wrapper, and so Redis, still runs. */
    boolean isAlive() {
        return wrapper.isAlive();
    }

    /** Runs {@code action} once the process has exited, whatever ended it. */
    void onExit(Runnable action) {
        wrapper.onExit().thenRun(action);
    }

    /** The redis-server's own process id, from its pid file, if it is running. */
    Optional<Long> redisPid() {
        return readPid(pidFile).filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    /** Stops Redis cleanly (SIGTERM, so that it flushes its append-only file), forcibly if it takes too long. */
    void stop() {
        redisPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroy);
        try {
            wrapper.getOutputStream().close();
        } catch (IOException ignored) {
            // the wrapper is gone already
        }
        try {
            if (!wrapper.waitFor(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                redisPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
                wrapper.destroyForcibly();
                wrapper.waitFor(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops a redis-server left running on a data directory by a Convene that is gone (its pid file
     * names a live redis-server): it is replaced, so that the current settings apply.
     */
    static void stopLeftOver(Path pidFile) {
        Optional<ProcessHandle> left = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("redis-server")).orElse(false));
        if (left.isEmpty()) return;
        ProcessHandle process = left.get();
        process.destroy();
        try {
            process.onExit().get(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notYet) {
            process.destroyForcibly();
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The redis-server binary that ships inside Convene's jar (Redis 6.2 for this machine's system),
     * copied once into {@code dir} and reused, never a new copy per start.
     */
    static Path binaryIn(Path dir) {
        String resource = resourceName();
        Path target = dir.resolve(resource);
        try (InputStream in = RedisProcess.class.getResourceAsStream("/" + resource)) {
            if (in == null) throw new IllegalStateException("this jar carries no redis-server for " + resource);
            if (Files.isExecutable(target) && Files.size(target) > 0) return target;
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            Path partial = Files.createTempFile(dir, resource, ".partial");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwx------"));
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the embedded redis-server in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String resourceName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean arm = arch.contains("aarch64") || arch.contains("arm64");
        if (os.contains("linux")) return arm ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
        if (os.contains("mac")) return arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64";
        throw new IllegalStateException("no embedded redis-server for " + os + "/" + arch + "; set CONVENE_REDIS_URL");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting redis-server", e);
        }
    }
}
