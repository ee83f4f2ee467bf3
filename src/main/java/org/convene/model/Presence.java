package org.convene.model;

import java.time.Duration;

/**
 * A meeting's presence rule: a participant who sends no sign of life (a heartbeat, or an open
 * stream of the instance) for {@code leaseSeconds} plus {@code graceSeconds} is taken out with a
 * timeout whose reason is {@code reaped}; one who comes back within that time goes on in the same
 * segment. Off (both 0) is the seed's behaviour: participants stay until they leave or the end.
 */
public record Presence(int leaseSeconds, int graceSeconds) {
    /** No presence rule. */
    public static final Presence OFF = new Presence(0, 0);
    /** Open streams renew leases every ten seconds; a shorter lease would reap people who are there. */
    public static final int MIN_LEASE = 30;
    public static final int MAX_SECONDS = 86_400;

    public Presence {
        if (leaseSeconds == 0 && graceSeconds != 0) {
            throw RefusedException.invalid("presence.graceSeconds", "needs presence.leaseSeconds");
        }
        if (leaseSeconds != 0 && (leaseSeconds < MIN_LEASE || leaseSeconds > MAX_SECONDS)) {
            throw RefusedException.invalid("presence.leaseSeconds", "must be " + MIN_LEASE + " to " + MAX_SECONDS);
        }
        if (graceSeconds < 0 || graceSeconds > MAX_SECONDS) {
            throw RefusedException.invalid("presence.graceSeconds", "must be 0 to " + MAX_SECONDS);
        }
    }

    /** Whether the meeting reaps participants who go quiet. */
    public boolean on() {
        return leaseSeconds > 0;
    }

    /** How long a participant may go without a sign of life before they are reaped. */
    public Duration window() {
        return Duration.ofSeconds((long) leaseSeconds + graceSeconds);
    }
}
