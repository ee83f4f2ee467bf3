package org.convene.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.convene.core.LinkMail;

/**
 * Sends the sign-in links by SMTP (RFC 5321): one connection a message, protected by STARTTLS or by TLS from the
 * first byte (the JDK's, checking the server's certificate and name), AUTH PLAIN where an account is set, a plain-text
 * UTF-8 body with its lines dot-stuffed. No mail library is among Convene's dependencies and the little it sends
 * needs none; what a server refuses is said in its own words.
 */
public final class SmtpMail implements LinkMail {
    private static final int TIMEOUT_MS = 10_000;

    private final SmtpSettings settings;

    public SmtpMail(SmtpSettings settings) {
        this.settings = settings;
    }

    @Override
    public void send(String to, String subject, String text) {
        if (to.contains("\r") || to.contains("\n") || subject.contains("\r") || subject.contains("\n")) {
            throw new IllegalArgumentException("a line break in an address or a subject");
        }
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(settings.host(), settings.port()), TIMEOUT_MS);
            plain.setSoTimeout(TIMEOUT_MS);
            Socket socket = settings.security().equals("tls") ? tls(plain) : plain;
            Session session = new Session(socket);
            session.expect(220);
            session.command("EHLO convene", 250);
            if (settings.security().equals("starttls")) {
                session.command("STARTTLS", 220);
                session = new Session(tls(plain));
                session.command("EHLO convene", 250);
            }
            if (settings.user().isPresent()) {
                String credentials = "\0" + settings.user().get() + "\0" + settings.password().orElse("");
                session.command("AUTH PLAIN " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)), 235);
            }
            session.command("MAIL FROM:<" + settings.from() + ">", 250);
            session.command("RCPT TO:<" + to + ">", 250);
            session.command("DATA", 354);
            session.write(message(to, subject, text));
            session.command(".", 250);
            session.command("QUIT", 221);
        } catch (IOException e) {
            throw new IllegalStateException("the mail server " + settings.host() + ":" + settings.port() + " did not take it: "
                    + e.getMessage(), e);
        }
    }

    /** The message: its headers, then the text with CRLF line ends and each line starting with a dot doubled. */
    private String message(String to, String subject, String text) {
        StringBuilder out = new StringBuilder()
                .append("From: Convene <").append(settings.from()).append(">\r\n")
                .append("To: <").append(to).append(">\r\n")
                .append("Subject: ").append(encoded(subject)).append("\r\n")
                .append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now())).append("\r\n")
                .append("Message-ID: <").append(UUID.randomUUID()).append('@').append(settings.publicUrl().getHost()).append(">\r\n")
                .append("MIME-Version: 1.0\r\n")
                .append("Content-Type: text/plain; charset=UTF-8\r\n")
                .append("Content-Transfer-Encoding: 8bit\r\n\r\n");
        for (String line : text.split("\r?\n", -1)) out.append(line.startsWith(".") ? "." + line : line).append("\r\n");
        return out.toString();
    }

    /** A subject as a header may carry it: as it is in ASCII, else RFC 2047's UTF-8 base64 word. */
    private static String encoded(String subject) {
        if (subject.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) return subject;
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /** The connection wrapped in TLS, the server's certificate checked against its name. */
    private Socket tls(Socket plain) throws IOException {
        SSLSocket socket = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(plain, settings.host(), settings.port(), false);
        var parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    /** One conversation: commands written, replies read (a multi-line reply to its last line) and their codes checked. */
    private static final class Session {
        private final BufferedReader in;
        private final OutputStream out;

        Session(Socket socket) throws IOException {
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            this.out = socket.getOutputStream();
        }

        void command(String line, int expected) throws IOException {
            write(line + "\r\n");
            expect(expected);
        }

        void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        void expect(int expected) throws IOException {
            String line;
            do {
                line = in.readLine();
                if (line == null) throw new IOException("the connection closed");
            } while (line.length() > 3 && line.charAt(3) == '-');
            if (!line.startsWith(Integer.toString(expected))) {
                throw new IOException("it answered '" + line.substring(0, Math.min(line.length(), 200)) + "'");
            }
        }
    }
}
