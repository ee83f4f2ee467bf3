package org.convene.core.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.convene.core.port.Credentials.TokenOwner;
import org.convene.model.Acting;
import org.convene.model.ProviderIdentity;

/**
 * Where sign-ins are kept: people of the identity provider linked to users, console sessions (as hashes, expiring
 * after their idle time), and sign-ins through the provider between their start and their callback.
 */
public interface SignInStore {

    /** Signs in {@code identity} as its linked user (made or linked at the first sign-in), recording what changed. */
    TokenOwner signIn(ProviderIdentity identity, boolean linkByEmail, Instant now);

    /** Returns the user linked to {@code issuer}'s {@code subject}, if signed in once and neither suspended nor deleted. */
    Optional<TokenOwner> identityOwner(String issuer, String subject);

    /** Opens a session with this SHA-256 hash for {@code userId} until {@code ends} at the latest, recorded with how they signed in. */
    void openSession(long userId, String hash, String method, Duration idle, Instant ends, Instant now, String requestId);

    /** Returns the owner of the session with this hash, renewing its idle time, if it is open at {@code now}. */
    Optional<TokenOwner> sessionOwner(String hash, Duration idle, Instant now);

    /** Returns the owners of the sessions among {@code hashes} open at {@code now} (without renewing them); others are absent. */
    Map<String, TokenOwner> sessionOwners(Collection<String> hashes, Instant now);

    /** Ends the session with this hash; ending one already ended changes nothing. */
    void endSession(String hash);

    /** Ends every session of {@code userId}, recorded as {@code acting}'s; returns how many were open. */
    long endSessions(long userId, Acting acting, Instant now);

    /** Keeps a sign-in through the provider under {@code state} for {@code ttl}. */
    void saveLogin(String state, String transaction, Duration ttl);

    /** Takes the sign-in kept under {@code state}, once: a second take finds nothing. */
    Optional<String> takeLogin(String state);
}
