package org.convene.core.port;

import java.time.Instant;
import java.util.Optional;
import org.convene.core.port.Credentials.TokenOwner;
import org.convene.model.Acting;
import org.convene.model.Invitation;

/** Local accounts: invitations to one (kept as hashes until they expire), password hashes, and links to set a new one. */
public interface AccountStore {

    /** A user who signs in with a password, and its PBKDF2 hash. */
    record PasswordOwner(TokenOwner owner, String passwordHash) {}

    /** Keeps an invitation under this hash; refuses with EMAIL_TAKEN when a user has the e-mail already. */
    void invite(String hash, Invitation invitation, Acting acting, Instant now);

    /** The invitation kept under this hash, if it is there and not expired at {@code now}. */
    Optional<Invitation> invitation(String hash, Instant now);

    /** Accepts an invitation once: makes its user with this password hash and name ("" for the one suggested); refuses when used or expired. */
    TokenOwner accept(String hash, String passwordHash, String name, Instant now, String requestId);

    /** The user with this e-mail who signs in with a password, if any (not suspended, deleted, or without one). */
    Optional<PasswordOwner> passwordOf(String email);

    /**
     * Keeps a link to set a new password for {@code userId} under this hash until {@code expires}, and returns the user's
     * e-mail; refuses for a user with no password to set.
     */
    String makeReset(long userId, String hash, Instant expires, Acting acting, Instant now);

    /** Whether a link to set a password is kept under this hash and not expired at {@code now}. */
    boolean resetOpens(String hash, Instant now);

    /** Uses a link once: sets the new password hash and ends the user's sessions; refuses when used or expired. */
    TokenOwner useReset(String hash, String passwordHash, Instant now, String requestId);
}
