package org.convene.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mail server on loopback that speaks just enough SMTP for Convene's client, keeping each conversation's commands
 * and message; it can be told to refuse recipients. Test code: the JDK has no SMTP server and none is a dependency.
 */
public final class FakeSmtpServer implements AutoCloseable {
    /** One message as it arrived: the commands before DATA, and what DATA carried (dot-stuffing as sent). */
    public record Received(List<String> commands, String data) {}

    private final ServerSocket server;
    private final Thread accepting;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile boolean refuseRecipients;

    public FakeSmtpServer() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        accepting = new Thread(this::accept, "fake-smtp");
        accepting.setDaemon(true);
        accepting.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Received> received() {
        return received;
    }

    /** From now on, answers RCPT with 550. */
    public void refuseRecipients() {
        refuseRecipients = true;
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                converse(socket);
            } catch (IOException closedOrDropped) {
                // the next connection, or the end
            }
        }
    }

    private void converse(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        List<String> commands = new CopyOnWriteArrayList<>();
        say(out, "220 fake ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            commands.add(line);
            if (line.startsWith("EHLO")) {
                say(out, "250-fake\r\n250 AUTH PLAIN");
            } else if (line.startsWith("AUTH")) {
                say(out, "235 ok");
            } else if (line.startsWith("RCPT") && refuseRecipients) {
                say(out, "550 no such mailbox");
            } else if (line.equals("DATA")) {
                say(out, "354 go on");
                StringBuilder data = new StringBuilder();
                String d;
                while ((d = in.readLine()) != null && !d.equals(".")) data.append(d).append("\n");
                received.add(new Received(List.copyOf(commands), data.toString()));
                say(out, "250 queued");
            } else if (line.equals("QUIT")) {
                say(out, "221 bye");
                return;
            } else {
                say(out, "250 ok");
            }
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
