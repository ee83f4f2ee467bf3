package org.convene.mail;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where links go by e-mail (CONVENE_SMTP_*): the server, its port, how the connection is protected ({@code starttls},
 * {@code tls} from the first byte, or {@code none}, on this machine only), the account to sign in with (none: no
 * AUTH), the sender's address, and the address people reach Convene at (CONVENE_PUBLIC_URL), which the links start with.
 */
public record SmtpSettings(String host, int port, String security, Optional<String> user, Optional<String> password,
                           String from, URI publicUrl) {
    public SmtpSettings {
        if (!security.equals("starttls") && !security.equals("tls") && !security.equals("none")) {
            throw new IllegalArgumentException("CONVENE_SMTP_SECURITY must be starttls, tls or none, was '" + security + "'");
        }
        boolean local = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1");
        if (security.equals("none") && !local) {
            throw new IllegalArgumentException("CONVENE_SMTP_SECURITY=none is for a mail server on this machine only: "
                    + "links would cross the network in the clear");
        }
        if (port < 1 || port > 65535) throw new IllegalArgumentException("CONVENE_SMTP_PORT must be 1 to 65535, was " + port);
        if (from.isBlank() || from.contains("\r") || from.contains("\n") || !from.contains("@")) {
            throw new IllegalArgumentException("CONVENE_SMTP_FROM must be an e-mail address");
        }
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("CONVENE_SMTP_USER and CONVENE_SMTP_PASSWORD go together");
        }
    }

    /** The settings from {@code env}; empty without CONVENE_SMTP_HOST (then links are shown, not sent). */
    public static Optional<SmtpSettings> from(Map<String, String> env) {
        String host = env.getOrDefault("CONVENE_SMTP_HOST", "").trim();
        if (host.isEmpty()) return Optional.empty();
        String publicUrl = env.getOrDefault("CONVENE_PUBLIC_URL", "").trim();
        if (publicUrl.isEmpty()) {
            throw new IllegalArgumentException("CONVENE_PUBLIC_URL must be set with CONVENE_SMTP_HOST: links in e-mails need it");
        }
        String port = env.getOrDefault("CONVENE_SMTP_PORT", "587").trim();
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CONVENE_SMTP_PORT must be a number, was '" + port + "'");
        }
        return Optional.of(new SmtpSettings(host, number, env.getOrDefault("CONVENE_SMTP_SECURITY", "starttls").trim(),
                Optional.of(env.getOrDefault("CONVENE_SMTP_USER", "").trim()).filter(s -> !s.isEmpty()),
                Optional.of(env.getOrDefault("CONVENE_SMTP_PASSWORD", "")).filter(s -> !s.isEmpty()),
                env.getOrDefault("CONVENE_SMTP_FROM", "").trim(),
                URI.create(publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl)));
    }

    @Override
    public String toString() {
        // Never the password: settings may be logged.
        return "SmtpSettings[" + host + ":" + port + ", " + security + ", from " + from + "]";
    }
}
