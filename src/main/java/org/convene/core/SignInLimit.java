package org.convene.core;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;

/**
 * Failed authentication limited per client address: past N failures a minute from one address,
 * tokens from it (bearer tokens and calendar feed tokens alike) are no longer looked up and it is told
 * when to try again. A token that was valid moments ago (remembered by {@link Tokens}) still works from
 * there, so guessing from an address does not lock out the real holder using it.
 */
public final class SignInLimit {
    private final Tokens tokens;
    private final RateLimit<String> failures;

    public SignInLimit(Tokens tokens, int failuresPerMinute, Clock clock) {
        this.tokens = tokens;
        this.failures = new RateLimit<>(failuresPerMinute, clock);
    }

    /** Returns who {@code token} (null when none was sent) belongs to, for a request from {@code address}, or refuses. */
    public Caller authenticate(String token, String address) {
        int wait = failures.waitFor(address);
        if (wait > 0) {
            Optional<Caller> known = tokens.remembered(token);
            if (known.isPresent()) return known.get();
            throw limited(wait);
        }
        try {
            if (token == null) throw Refusal.UNAUTHORIZED.refuse("Send 'Authorization: Bearer <token>'");
            return tokens.authenticate(token);
        } catch (RefusedException refused) {
            // A provider that cannot be reached says nothing of the token: no failure is counted against the address.
            if (refused.refusal() != Refusal.PROVIDER_UNAVAILABLE) failures.take(address);
            throw refused;
        }
    }

    /**
     * Returns whose calendar feed {@code token} opens, for a request from {@code address}, or refuses: a
     * token that opens none is a failed sign-in like a bad bearer token, in the same allowance, so feed
     * addresses are guessed no faster than tokens.
     */
    public long feedOwner(String token, String address) {
        int wait = failures.waitFor(address);
        if (wait > 0) {
            OptionalLong known = tokens.rememberedFeedOwner(token);
            if (known.isPresent()) return known.getAsLong();
            throw limited(wait);
        }
        OptionalLong owner = tokens.feedOwner(token);
        if (owner.isEmpty()) {
            failures.take(address);
            throw Refusal.INVALID_FEED.refuse();
        }
        return owner.getAsLong();
    }

    /**
     * Opens a guest link for a request from {@code address} (see {@link Guests#open}), or refuses: a link that does not
     * open is a failed sign-in, in the same allowance, so links are guessed no faster than tokens.
     */
    public Guests.Guest openGuestLink(Guests guests, String link, String name, String address) {
        return attempt(address, () -> guests.open(link, name), Refusal.INVALID_GUEST_LINK);
    }

    /**
     * Runs a sign-in by something other than a token (a password, an invitation or a password link) for a request from
     * {@code address}, or refuses: a refusal of kind {@code failed} counts as a failed sign-in, in the same allowance as
     * tokens, and past it nothing is tried.
     */
    public <T> T attempt(String address, java.util.function.Supplier<T> signIn, Refusal... failed) {
        int wait = failures.waitFor(address);
        if (wait > 0) throw limited(wait);
        try {
            return signIn.get();
        } catch (RefusedException refused) {
            if (java.util.Arrays.asList(failed).contains(refused.refusal())) failures.take(address);
            throw refused;
        }
    }

    private static RefusedException limited(int wait) {
        return RefusedException.rateLimited("Too many failed sign-ins from this address; try again in " + wait + " s", wait);
    }
}
