package org.convene.core;

/** Sends a person the link to their invitation or to set a password, by e-mail; implemented by the mail adapter. */
public interface LinkMail {

    /** Sends {@code text} with {@code subject} to {@code to}, or throws saying why it could not. */
    void send(String to, String subject, String text);
}
