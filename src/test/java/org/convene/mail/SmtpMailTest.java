package org.convene.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The links' mail over SMTP: the conversation a server expects, the message's headers and its text dot-stuffed. */
class SmtpMailTest {
    private static SmtpSettings settings(FakeSmtpServer server, Optional<String> user) {
        return new SmtpSettings("127.0.0.1", server.port(), "none", user, user.map(u -> "pw"), "convene@example.org",
                URI.create("https://convene.example.org"));
    }

    @Test
    void aMessageGoesWithItsHeadersAndItsDotsDoubled() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer()) {
            new SmtpMail(settings(server, Optional.of("convene"))).send("kim@example.org", "Willkommen bei Convene",
                    "Hello\n.a line starting with a dot\nbye");

            FakeSmtpServer.Received mail = server.received().get(0);
            assertThat(mail.commands()).contains("MAIL FROM:<convene@example.org>", "RCPT TO:<kim@example.org>")
                    .anyMatch(c -> c.startsWith("AUTH PLAIN "));
            assertThat(mail.data()).contains("To: <kim@example.org>", "Content-Type: text/plain; charset=UTF-8",
                    "Subject: Willkommen bei Convene", "\n..a line starting with a dot\n");
        }
    }

    @Test
    void aRefusalIsSaidInTheServersWords() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer()) {
            server.refuseRecipients();

            assertThatThrownBy(() -> new SmtpMail(settings(server, Optional.empty())).send("kim@example.org", "s", "t"))
                    .hasMessageContaining("550 no such mailbox");
        }
    }

    @Test
    void aLineBreakInAnAddressIsRefusedBeforeAnythingIsSent() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer()) {
            assertThatThrownBy(() -> new SmtpMail(settings(server, Optional.empty())).send("kim@example.org\r\nBcc: x@y", "s", "t"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void noProtectionIsAllowedOnlyForAServerOnThisMachine() {
        assertThatThrownBy(() -> new SmtpSettings("mail.example.org", 25, "none", Optional.empty(), Optional.empty(),
                "convene@example.org", URI.create("https://convene.example.org"))).hasMessageContaining("this machine only");
    }
}
