package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.convene.core.Convene;
import org.convene.model.UserDetails;
import org.convene.testing.ChildJvm;
import org.convene.testing.EmbeddedRedisHolder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded Redis is Convene's alone, is restarted when it dies, and never outlives Convene by
 * surprise. Real processes: a second client, kill -9 of redis-server and of a Convene JVM, each
 * stopped by its process id.
 */
@Tag("child-jvm")
class EmbeddedRedisSafetyTest {
    @TempDir
    Path data;

    @Test
    void aClientWithoutThePasswordCanDoNothing() throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.start(data, "everysec", true)) {
            for (List<String> command : List.of(List.of("FLUSHALL"), List.of("SET", "convene:{users}:admin-token", "x"),
                    List.of("KEYS", "*"), List.of("GET", "convene:{users}:admin-token"))) {
                assertThat(raw(redis.port(), null, command)).as(command.toString()).startsWith("-NOAUTH");
            }
            assertThat(raw(redis.port(), null, List.of("CONFIG", "SET", "dir", "/tmp"))).startsWith("-ERR unknown command");
        }
    }

    @Test
    void evenWithThePasswordTheDangerousCommandsAreGone() throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.start(data, "everysec", true)) {
            for (List<String> command : List.of(List.of("CONFIG", "GET", "dir"), List.of("MODULE", "LIST"),
                    List.of("DEBUG", "SLEEP", "0"), List.of("REPLICAOF", "127.0.0.1", "1"), List.of("SLAVEOF", "NO", "ONE"))) {
                assertThat(raw(redis.port(), password(redis), command)).as(command.toString()).startsWith("-ERR unknown command");
            }
            assertThat(raw(redis.port(), password(redis), List.of("PING"))).isEqualTo("+PONG");
        }
    }

    /** The password, as the embedded server's URL carries it. */
    private static String password(EmbeddedRedis redis) {
        String url = redis.url();
        return url.substring(url.indexOf(":", 8) + 1, url.indexOf('@'));
    }

    /** One command over a socket of its own (after AUTH when a password is given): the first line of the reply. */
    private static String raw(int port, String password, List<String> command) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            var out = socket.getOutputStream();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            if (password != null) {
                out.write(resp(List.of("AUTH", password)));
                assertThat(in.readLine()).isEqualTo("+OK");
            }
            out.write(resp(command));
            return in.readLine();
        }
    }

    private static byte[] resp(List<String> words) {
        StringBuilder s = new StringBuilder("*").append(words.size()).append("\r\n");
        for (String w : words) s.append('$').append(w.length()).append("\r\n").append(w).append("\r\n");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theDataDirectoryAndItsFilesAreTheOwnersOnly() throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.start(data, "always", true);
             RedisConnection connection = RedisConnection.open(redis.url(), false)) {
            new Convene(new RedisStore(connection, 1), Clock.systemUTC())
                    .createUser(new UserDetails("Ann", 30, "", "ann@example.com"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
            try (Stream<Path> files = Files.walk(data)) {
                files.filter(Files::isRegularFile).filter(f -> !f.getParent().endsWith(".redis")).forEach(file ->
                        assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------"));
            }
            assertThat(Files.readString(data.resolve("redis.conf"))).contains("bind 127.0.0.1", "requirepass ");
        }
    }

    @Test
    void itListensOnLoopbackOnly() throws Exception {
        Optional<InetAddress> outside = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
        Assumptions.assumeTrue(outside.isPresent(), "this machine has no address but loopback");
        try (EmbeddedRedis redis = EmbeddedRedis.start(data, "everysec", true); Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(outside.get(), redis.port()), 2_000))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void aKilledRedisIsStartedAgainOnTheSameDataWithinFiveSeconds() throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.start(data, "always", true);
             RedisConnection connection = RedisConnection.open(redis.url(), false)) {
            Convene convene = new Convene(new RedisStore(connection, 1), Clock.systemUTC());
            convene.createUser(new UserDetails("Kept", 30, "", "kept@example.com"));
            long killed = redis.pid().orElseThrow();

            ProcessHandle.of(killed).orElseThrow().destroyForcibly();
            assertThat(ChildJvm.awaitGone(killed, 5)).isTrue();
            long start = System.nanoTime();
            Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .ignoreExceptions().until(() -> convene.user(1).name().equals("Kept"));

            assertThat((System.nanoTime() - start) / 1_000_000).as("ms until it served again").isLessThan(5_000);
            assertThat(redis.pid()).isPresent().isNotEqualTo(Optional.of(killed));
        }
    }

    @Test
    void aKilledConveneTakesItsRedisWithIt() throws Exception {
        try (ChildJvm convene = ChildJvm.start(EmbeddedRedisHolder.class, Map.of(), data.toString())) {
            long redisPid = Long.parseLong(convene.awaitLine("ready", 60).split(" ")[1]);

            convene.killHard();

            assertThat(ChildJvm.awaitGone(redisPid, 10)).as("redis-server gone after kill -9 of Convene").isTrue();
        }
    }

    @Test
    void aRedisLeftRunningByAConveneThatIsGoneIsReplacedWithTheCurrentSettings() throws Exception {
        long orphan;
        try (ChildJvm convene = ChildJvm.start(EmbeddedRedisHolder.class, Map.of(), data.toString(), "everysec")) {
            orphan = Long.parseLong(convene.awaitLine("ready", 60).split(" ")[1]);
            // Kill the wrapper first, then Convene: the way a kill -9 of the whole process tree leaves Redis behind.
            ProcessHandle.of(orphan).orElseThrow().parent().ifPresent(ProcessHandle::destroyForcibly);
            convene.killHard();
        }
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("left running").contains(true);

        try (EmbeddedRedis replaced = EmbeddedRedis.start(data, "always", true)) {
            assertThat(ChildJvm.awaitGone(orphan, 10)).as("the left-over server was stopped").isTrue();
            assertThat(replaced.pid()).isPresent().isNotEqualTo(Optional.of(orphan));
            assertThat(Files.readString(data.resolve("redis.conf"))).contains("appendfsync always");
        }
    }

    @Test
    void nothingIsLeftInTheTemporaryDirectoryPerStart() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (EmbeddedRedis first = EmbeddedRedis.start(data, "everysec", true)) {
            first.port();
        }
        long before;
        try (Stream<Path> files = Files.list(tmp)) {
            before = files.count();
        }
        for (int i = 0; i < 3; i++) {
            try (EmbeddedRedis again = EmbeddedRedis.start(data, "everysec", true)) {
                again.port();
            }
        }
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.count()).isLessThanOrEqualTo(before);
        }
    }

    private static String permissions(Path file) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
