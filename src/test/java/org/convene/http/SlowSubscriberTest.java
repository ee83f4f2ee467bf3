package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.convene.testing.SseListener;
import org.junit.jupiter.api.Test;

/**
 * Subscribers that stop reading cost only themselves: five clients on instance 1 that never read a
 * byte (tiny receive buffers, real sockets) do not delay a reader of instance 2. Bounded: 5 sockets, 6 MB of chat (more than loopback socket buffers hold).
 */
class SlowSubscriberTest extends ApiServerTest {

    @Test
    void subscribersThatStopReadingDoNotDelayAnyoneElse() throws Exception {
        assertThat(api.call("POST", "/instances/1/participants", api.john, "{\"userId\":1}").status()).isEqualTo(201);
        assertThat(api.call("POST", "/instances/2/participants", api.john, "{\"userId\":1}").status()).isEqualTo(201);
        URI uri = URI.create(api.server.url());
        List<Socket> stalled = new ArrayList<>();
        SseListener reader = new SseListener(api.server.url() + "/instances/2/stream", api.john, null);
        try {
            for (int i = 0; i < 5; i++) {
                Socket socket = new Socket();
                socket.setReceiveBufferSize(4096);
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
                socket.getOutputStream().write(("GET /instances/1/stream HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n"
                        + "Authorization: Bearer " + api.john + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                stalled.add(socket);
            }
            assertThat(reader.subscribed.await(10, TimeUnit.SECONDS)).isTrue();
            String big = "x".repeat(3_900);
            for (int i = 0; i < 1500; i++) {
                assertThat(api.call("POST", "/instances/1/messages", api.john,
                        "{\"userId\":1,\"text\":\"" + big + "\"}").status()).isEqualTo(201);
            }
            for (int i = 0; i < 30; i++) {
                assertThat(api.call("POST", "/instances/2/messages", api.john,
                        "{\"userId\":1,\"text\":\"to the reader " + i + "\"}").status()).isEqualTo(201);
            }

            assertThat(reader.awaitText("to the reader 29", 10)).as("the reader got everything meanwhile").isTrue();
        } finally {
            reader.drop();
            for (Socket socket : stalled) socket.close();
        }
    }
}
