package org.convene.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.convene.testing.ChildJvm;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping {@code convene serve} (SIGTERM, as a service manager does) finishes the request in flight
 * on a Redis that is still up, then stops Redis, and exits promptly. A real JVM, stopped by its id.
 */
@Tag("child-jvm")
class ShutdownOrderTest {
    static final String ADMIN = "shutdown-test-admin-token-0123";

    @TempDir
    Path data;

    @Test
    void aRequestInFlightAtSigtermIsAnsweredAndRedisStopsAfterIt() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Map<String, String> env = Map.of("CONVENE_DATA_DIR", data.toString(), "CONVENE_HTTP_PORT", Integer.toString(port),
                "CONVENE_ADMIN_TOKEN", ADMIN, "CONVENE_REQUEST_LOG", "OFF");
        try (ChildJvm convene = ChildJvm.start(Main.class, env, "serve")) {
            convene.awaitLine("Convene is serving on", 90);
            long redisPid = Long.parseLong(Files.readString(data.resolve("redis.pid")).trim());
            StringBuilder audience = new StringBuilder();
            for (int i = 0; i < 2000; i++) audience.append(i == 0 ? "" : ",").append("\"person").append(i).append("@example.com\"");
            byte[] body = ("{\"title\":\"Late\",\"isPublic\":false,\"audience\":[" + audience + "]}").getBytes(StandardCharsets.UTF_8);

            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(20_000);
                OutputStream out = socket.getOutputStream();
                // Expect: 100-continue makes the server say when its handler starts reading the body:
                // from then on the request is in flight.
                out.write(("POST /meetings HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ADMIN + "\r\nContent-Type: "
                        + "application/json\r\nContent-Length: " + body.length + "\r\nExpect: 100-continue\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                byte[] interim = socket.getInputStream().readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length());
                assertThat(new String(interim, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 100");
                out.write(body, 0, body.length / 2);
                out.flush();

                convene.process().destroy();
                out.write(body, body.length / 2, body.length - body.length / 2);
                out.flush();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

                assertThat(answer).as(convene.output()).startsWith("HTTP/1.1 201");
            }
            assertThat(convene.process().waitFor(15, TimeUnit.SECONDS)).as("the JVM exited").isTrue();
            assertThat(ChildJvm.awaitGone(redisPid, 10)).as("Redis stopped after").isTrue();
        }
    }
}
