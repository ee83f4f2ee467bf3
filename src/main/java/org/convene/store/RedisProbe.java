package org.convene.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A few plain RESP commands over a socket of their own, for finding out whether a local redis-server
 * answers and which config file it runs on, without a client library's connection pool and back-off.
 */
final class RedisProbe {
    private static final int TIMEOUT_MS = 2_000;

    private RedisProbe() {}

    /** Whether a server on {@code port} answers PING, after AUTH with {@code password} where given. */
    static boolean answers(int port, Optional<String> password) {
        return ask(port, password, List.of("PING")).map(reply -> reply.startsWith("+PONG")).orElse(false);
    }

    /** The {@code config_file} a server on {@code port} reports, if it answers. */
    static Optional<String> configFile(int port, Optional<String> password) {
        return ask(port, password, List.of("INFO", "server")).flatMap(reply -> reply.lines()
                .filter(line -> line.startsWith("config_file:")).map(line -> line.substring(12).strip()).findFirst());
    }

    /** The raw reply to one command, or empty if the server is not there or refuses (a wrong password among others). */
    static Optional<String> ask(int port, Optional<String> password, List<String> command) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            if (password.isPresent()) {
                out.write(encode(List.of("AUTH", password.get())));
                out.flush();
                if (!readReply(in).startsWith("+OK")) return Optional.empty();
            }
            out.write(encode(command));
            out.flush();
            String reply = readReply(in);
            return reply.startsWith("-") ? Optional.empty() : Optional.of(reply);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static byte[] encode(List<String> words) {
        StringBuilder resp = new StringBuilder("*").append(words.size()).append("\r\n");
        for (String word : words) {
            resp.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word).append("\r\n");
        }
        return resp.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A simple reply, an error, or a bulk string (its text); enough for PING, AUTH and INFO. */
    private static String readReply(InputStream in) throws IOException {
        String first = readLine(in);
        if (!first.startsWith("$")) return first;
        int length = Integer.parseInt(first.substring(1));
        if (length < 0) return "";
        byte[] body = in.readNBytes(length + 2);
        return new String(body, 0, Math.max(0, body.length - 2), StandardCharsets.UTF_8);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\r') {
                in.read();
                break;
            }
            line.append((char) c);
        }
        return line.toString();
    }
}
