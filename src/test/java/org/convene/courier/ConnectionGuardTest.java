package org.convene.courier;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.convene.webhook.TargetGuard;
import org.convene.webhook.port.Courier.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The courier checks the address of every connection before making it, whatever the URL names: an IP
 * literal (for which OkHttp looks no name up, so the guarded name lookup never sees it), an IPv6 literal
 * or a name. A refused receiver is not even connected to, so no byte of the request reaches it.
 */
class ConnectionGuardTest {
    static final byte[] BODY = "{\"type\":\"test\"}".getBytes(UTF_8);

    OkHttpCourier courier;

    @AfterEach
    void stop() {
        if (courier != null) courier.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "[::1]", "localhost"})
    void aTargetInsideIsRefusedBeforeConnecting(String host) throws Exception {
        courier = new OkHttpCourier(new TargetGuard(false), Duration.ofSeconds(2), 64 * 1024);
        try (ServerSocket receiver = new ServerSocket(0, 50, InetAddress.getByName(host))) {
            Answer answer = courier.post(url(host, receiver.getLocalPort()), Map.of(), BODY);

            assertThat(answer.code()).isZero();
            assertThat(answer.error()).startsWith("address refused").contains("may not reach");
            // A connection made would be waiting to be accepted: the kernel completes it without the receiver.
            receiver.setSoTimeout(300);
            assertThatThrownBy(receiver::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "[::1]", "localhost"})
    void theSameTargetsAreReachedWhenPrivateTargetsAreAllowed(String host) throws Exception {
        courier = new OkHttpCourier(new TargetGuard(true), Duration.ofSeconds(2), 64 * 1024);
        try (MockWebServer receiver = new MockWebServer()) {
            receiver.enqueue(new MockResponse.Builder().code(200).body("ok").build());
            receiver.start(InetAddress.getByName(host), 0);

            Answer answer = courier.post(url(host, receiver.getPort()), Map.of(), BODY);

            assertThat(answer.code()).as(answer.error()).isEqualTo(200);
            assertThat(receiver.takeRequest().getBody().utf8()).isEqualTo(new String(BODY, UTF_8));
        }
    }

    private static URI url(String host, int port) {
        return URI.create("http://" + host + ":" + port + "/hook");
    }
}
