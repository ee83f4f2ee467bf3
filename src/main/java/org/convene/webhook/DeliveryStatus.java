package org.convene.webhook;

import java.util.Arrays;
import java.util.Locale;
import org.convene.model.Refusal;

/** Where one delivery of a message to an endpoint stands. */
public enum DeliveryStatus {
    /** Not tried yet. */
    PENDING,
    /** Tried and refused or unanswered; tried again at its next attempt. */
    RETRYING,
    /** Answered with 2xx. */
    DELIVERED,
    /** Given up: the retry schedule is spent, or the endpoint answered 410 Gone. */
    FAILED;

    /** The name in the API and the store: lower case. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status named {@code name}, refusing with the known names. */
    public static DeliveryStatus of(String name) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(name == null ? "" : name.trim().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> Refusal.INVALID_INPUT.refuse(
                        "status must be one of pending, retrying, delivered, failed; was '" + name + "'"));
    }
}
