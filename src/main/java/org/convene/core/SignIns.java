package org.convene.core;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.convene.core.port.Credentials.TokenOwner;
import org.convene.core.port.SignInStore;
import org.convene.model.Acting;
import org.convene.model.ProviderIdentity;
import org.convene.model.Refusal;

/**
 * Signing in as people do: through the organisation's identity provider (its access tokens as bearers, its sign-in
 * for the console) and with console sessions, whose cookie's value is kept only as a hash and which end after an
 * idle time, by signing out, or everywhere at once.
 */
public final class SignIns {
    /** How long a sign-in through the provider may take between its start and its callback. */
    public static final Duration LOGIN_TIME = Duration.ofMinutes(10);

    private static final int MAX_SIGNED_IN = 100_000;
    /** The access tokens this node signed their person in with, until they expire. */
    private final Map<String, java.time.Instant> signedIn = new java.util.concurrent.ConcurrentHashMap<>();
    private final SignInStore store;
    private final Optional<AccessTokenCheck> provider;
    private final SignInPolicy policy;
    private final Clock clock;

    /**
     * How sign-ins go: sessions' idle time and the longest they last however used, and whether a first sign-in may take
     * over a user by verified e-mail.
     */
    public record SignInPolicy(Duration sessionIdle, Duration sessionMax, boolean linkByEmail) {
        public SignInPolicy {
            if (sessionIdle.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("CONVENE_SESSION_IDLE_MINUTES must be at least 1");
            }
            if (sessionMax.compareTo(Duration.ofHours(1)) < 0) {
                throw new IllegalArgumentException("CONVENE_SESSION_MAX_HOURS must be at least 1");
            }
        }

        /** Sessions idle out after eight hours and end after a day; no linking by e-mail. */
        public static SignInPolicy defaults() {
            return new SignInPolicy(Duration.ofHours(8), Duration.ofHours(24), false);
        }
    }

    public SignIns(SignInStore store, Optional<AccessTokenCheck> provider, SignInPolicy policy, Clock clock) {
        this.store = store;
        this.provider = provider;
        this.policy = policy;
        this.clock = clock;
    }

    /** Whether {@code token} is a console session's (made by {@link #openSession}). */
    static boolean isSession(String token) {
        return token.startsWith("cs_");
    }

    /** Whether {@code token} is the identity provider's to validate: a JWT while a provider is configured. */
    boolean isProviders(String token) {
        return provider.isPresent() && AccessTokenCheck.looksLikeJwt(token);
    }

    /** Returns who an open session is, renewing its idle time; empty once it ended. */
    Optional<Caller> session(String token) {
        return store.sessionOwner(Tokens.hash(token), policy.sessionIdle(), clock.instant()).map(TokenOwner::caller);
    }

    /** Whom an access token speaks for, and until when a node may remember that. */
    record Vouched(Caller caller, java.time.Instant expires) {}

    /**
     * Returns whom a valid access token of the provider speaks for, or refuses. Its first use on this node signs its
     * person in (made or updated: e-mail, name, role); later checks of the same token only read who that is, so that a
     * busy script's token costs one write, not one every time a node's memory of it lapses.
     */
    Vouched accessToken(String token) {
        AccessTokenCheck.Checked checked = provider.orElseThrow().check(token);
        String hash = Tokens.hash(token);
        if (signedIn.containsKey(hash)) {
            ProviderIdentity id = checked.identity();
            Caller caller = store.identityOwner(id.issuer(), id.subject()).map(TokenOwner::caller)
                    .orElseThrow(() -> Refusal.UNAUTHORIZED.refuse("This person's account is suspended or deleted in Convene"));
            return new Vouched(caller, checked.expires());
        }
        Caller caller = signIn(checked.identity());
        if (signedIn.size() > MAX_SIGNED_IN) signedIn.entrySet().removeIf(e -> e.getValue().isBefore(clock.instant()));
        if (signedIn.size() > MAX_SIGNED_IN) signedIn.clear();
        signedIn.put(hash, checked.expires());
        return new Vouched(caller, checked.expires());
    }

    /** Who each of these sessions and access tokens is now, read afresh; those no longer valid are absent. */
    Map<String, Caller> afresh(Collection<String> sessions, Collection<String> accessTokens) {
        Map<String, Caller> callers = new HashMap<>();
        Map<String, String> byHash = new HashMap<>();
        sessions.forEach(token -> byHash.put(Tokens.hash(token), token));
        if (!byHash.isEmpty()) store.sessionOwners(byHash.keySet(), clock.instant()).forEach((hash, o) -> callers.put(byHash.get(hash), o.caller()));
        for (String token : accessTokens) {
            try {
                ProviderIdentity id = provider.orElseThrow().check(token).identity();
                store.identityOwner(id.issuer(), id.subject()).ifPresent(o -> callers.put(token, o.caller()));
            } catch (RuntimeException expiredOrInvalid) {
                // absent: the stream it opened closes
            }
        }
        return callers;
    }

    /** Signs in the person the provider vouches for: their user, made or updated (e-mail, name, role) in one step. */
    public Caller signIn(ProviderIdentity identity) {
        try {
            return store.signIn(identity, policy.linkByEmail(), clock.instant()).caller();
        } catch (java.util.NoSuchElementException | org.convene.model.RefusedException refused) {
            throw Refusal.UNAUTHORIZED.refuse("This person's account is suspended or deleted in Convene");
        }
    }

    /** Opens a console session for {@code caller}, recorded with how they signed in; returns its value, shown once. */
    public String openSession(Caller caller, String method, String requestId) {
        if (caller.root() || caller.guest()) throw Refusal.INVALID_INPUT.refuse("Only a person signs in to a session");
        String token = Tokens.newToken("cs_");
        store.openSession(caller.userId(), Tokens.hash(token), method, policy.sessionIdle(),
                clock.instant().plus(policy.sessionMax()), clock.instant(), requestId);
        return token;
    }

    /** Ends the session {@code token} (signing out of this browser). */
    public void endSession(String token) {
        if (token != null && isSession(token)) store.endSession(Tokens.hash(token));
    }

    /** Ends every session of {@code userId} (signing out everywhere), recorded as {@code acting}'s; returns how many. */
    public long endEverywhere(long userId, Acting acting) {
        return store.endSessions(userId, acting, clock.instant());
    }

    /** How long a session stays open without being used. */
    public Duration sessionIdle() {
        return policy.sessionIdle();
    }

    /** How long a session lasts at most, however used: its cookie's lifetime too. */
    public Duration sessionMax() {
        return policy.sessionMax();
    }

    /** Keeps a sign-in through the provider between its start and its callback, for {@link #LOGIN_TIME}. */
    public void saveLogin(String state, String transaction) {
        store.saveLogin(state, transaction, LOGIN_TIME);
    }

    /** Takes the sign-in kept under {@code state}, once; empty when it expired, was taken, or never was. */
    public Optional<String> takeLogin(String state) {
        return store.takeLogin(state);
    }
}
