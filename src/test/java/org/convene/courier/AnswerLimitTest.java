package org.convene.courier;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.SocketFactory;
import org.convene.webhook.TargetGuard;
import org.convene.webhook.port.Courier.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * At most about the limit of an answer is read, from a receiver sending a gibibyte however it frames it.
 * The bytes are counted where the courier reads them off its socket: what the receiver manages to send
 * before the courier goes away would count what the socket buffers took too, megabytes on loopback.
 */
class AnswerLimitTest {
    static final int LIMIT = 64 * 1024;
    static final long GIBIBYTE = 1L << 30;
    /** OkHttp reads in 8 KiB segments, into the socket's buffer and into the body's: one more of each at most. */
    static final int MARGIN = 16 * 1024 + 1024;

    final AtomicLong bytesRead = new AtomicLong();
    ServerSocket receiver;
    OkHttpCourier courier;

    @AfterEach
    void stop() throws IOException {
        if (courier != null) courier.close();
        if (receiver != null) receiver.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Length: 1073741824\r\n\r\n", "Transfer-Encoding: chunked\r\n\r\n40000000\r\n",
            "Connection: close\r\n\r\n"})
    void aGibibyteAnswerIsCutOffAtTheLimit(String framing) throws Exception {
        receiver = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread sender = new Thread(() -> answerEndlessly("HTTP/1.1 200 OK\r\n" + framing), "endless-receiver");
        sender.setDaemon(true);
        sender.start();
        courier = new OkHttpCourier(new TargetGuard(true), Duration.ofSeconds(10), LIMIT, new CountingSockets());

        Answer answer = courier.post(URI.create("http://127.0.0.1:" + receiver.getLocalPort() + "/hook"), Map.of(),
                "{}".getBytes(US_ASCII));

        assertThat(answer.code()).as(answer.error()).isEqualTo(200);
        assertThat(bytesRead.get()).isGreaterThan(LIMIT).isLessThan(LIMIT + MARGIN);
    }

    /** Takes one request's head and answers a gibibyte of zeros, or as much as it can before the courier leaves. */
    private void answerEndlessly(String head) {
        try (Socket socket = receiver.accept()) {
            InputStream in = socket.getInputStream();
            int lastFour = 0;
            while (lastFour != 0x0d0a0d0a) { // up to the blank line ending the request's head
                int b = in.read();
                if (b < 0) return;
                lastFour = lastFour << 8 | b;
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(US_ASCII));
            byte[] zeros = new byte[64 * 1024];
            for (long sent = 0; sent < GIBIBYTE; sent += zeros.length) out.write(zeros);
        } catch (IOException courierLeft) {
            // What the courier does not read it need not be sent.
        }
    }

    /** Unconnected sockets, as OkHttp asks for, that add what is read from them to {@link #bytesRead}. */
    private final class CountingSockets extends SocketFactory {
        @Override
        public Socket createSocket() {
            return new Socket() {
                @Override
                public InputStream getInputStream() throws IOException {
                    return new FilterInputStream(super.getInputStream()) {
                        @Override
                        public int read() throws IOException {
                            int b = super.read();
                            if (b >= 0) bytesRead.incrementAndGet();
                            return b;
                        }

                        @Override
                        public int read(byte[] buffer, int offset, int length) throws IOException {
                            int n = super.read(buffer, offset, length);
                            if (n > 0) bytesRead.addAndGet(n);
                            return n;
                        }
                    };
                }
            };
        }

        @Override
        public Socket createSocket(String host, int port) throws SocketException {
            throw new SocketException("unconnected sockets only");
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws SocketException {
            throw new SocketException("unconnected sockets only");
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws SocketException {
            throw new SocketException("unconnected sockets only");
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress localHost, int localPort)
                throws SocketException {
            throw new SocketException("unconnected sockets only");
        }
    }
}
