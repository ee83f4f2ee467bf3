package org.convene.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import org.convene.model.Acting;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.convene.core.port.Credentials;
import org.convene.model.Refusal;

/**
 * Bearer tokens: made here, shown once, kept only as SHA-256 hashes, compared in constant time.
 * A looked-up token (a bearer or a calendar feed token) is remembered for {@code remember} on the
 * injected clock, so a rotated or deleted token stops working within that time rather than at once,
 * and a stored administrator token rotated by another process takes effect within it too.
 */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_REMEMBERED = 100_000;

    private final Credentials credentials;
    private final SignIns signIns;
    private final Optional<String> configuredAdminHash;
    private final Clock clock;
    private final Duration remember;
    private volatile Remembered<String> storedAdmin;
    private final Map<String, Remembered<Optional<Caller>>> users = new ConcurrentHashMap<>();
    private final Map<String, Remembered<OptionalLong>> feeds = new ConcurrentHashMap<>();

    private record Remembered<T>(T value, Instant until) {}

    /** Tokens checked against {@code credentials}; a configured administrator token wins over a stored one. */
    public Tokens(Credentials credentials, Optional<String> configuredAdminToken, Clock clock, Duration remember) {
        this(credentials, null, configuredAdminToken, clock, remember);
    }

    /**
     * Tokens checked against {@code credentials}, and console sessions and the identity provider's access tokens
     * through {@code signIns} (null: none of those).
     */
    public Tokens(Credentials credentials, SignIns signIns, Optional<String> configuredAdminToken, Clock clock,
                  Duration remember) {
        this.credentials = credentials;
        this.signIns = signIns;
        this.configuredAdminHash = configuredAdminToken.map(Tokens::hash);
        this.clock = clock;
        this.remember = remember;
    }

    /**
     * Makes sure an administrator token exists: the configured one, or one stored at an earlier
     * start. Returns a newly made token, to be shown once, when there was none.
     */
    public Optional<String> ensureAdminToken() {
        if (configuredAdminHash.isPresent()) return Optional.empty();
        String token = newToken();
        String inForce = credentials.initAdminTokenHash(hash(token));
        storedAdmin = new Remembered<>(inForce, clock.instant().plus(remember));
        return inForce.equals(hash(token)) ? Optional.of(token) : Optional.empty();
    }

    /** Returns who {@code token} belongs to, or refuses with "The token is not valid". */
    public Caller authenticate(String token) {
        if (token == null || token.isBlank()) throw Refusal.UNAUTHORIZED.refuse("The token is not valid");
        String hash = hash(token.trim());
        String admin = configuredAdminHash.orElseGet(this::storedAdminHash);
        if (admin != null && same(hash, admin)) return Caller.ADMIN;
        if (signIns != null && signIns.isProviders(token.trim())) return providers(token.trim(), hash);
        if (signIns != null && SignIns.isSession(token.trim())) {
            return lookUp(users, hash, () -> signIns.session(token.trim()))
                    .orElseThrow(() -> Refusal.UNAUTHORIZED.refuse("The session ended: sign in again"));
        }
        return lookUp(users, hash, () -> credentials.userWithTokenHash(hash).map(Credentials.TokenOwner::caller))
                .orElseThrow(() -> Refusal.UNAUTHORIZED.refuse("The token is not valid"));
    }

    /**
     * Whom an access token of the identity provider speaks for: validated (a refusal says what was wrong) and
     * signed in at its first use on this node, then remembered until {@code remember} passes or it expires.
     */
    private Caller providers(String token, String hash) {
        Instant now = clock.instant();
        Remembered<Optional<Caller>> known = users.get(hash);
        if (known != null && !known.until().isBefore(now) && known.value().isPresent()) return known.value().get();
        SignIns.Vouched vouched = signIns.accessToken(token);
        if (users.size() > MAX_REMEMBERED) users.clear();
        Instant until = now.plus(remember);
        users.put(hash, new Remembered<>(Optional.of(vouched.caller()), until.isBefore(vouched.expires()) ? until : vouched.expires()));
        return vouched.caller();
    }

    /** What {@code memory} holds for {@code hash} if it was looked up within {@code remember}, else {@code lookup}'s answer, kept. */
    private <T> T lookUp(Map<String, Remembered<T>> memory, String hash, Supplier<T> lookup) {
        Instant now = clock.instant();
        Remembered<T> known = memory.get(hash);
        if (known == null || known.until().isBefore(now)) {
            if (memory.size() > MAX_REMEMBERED) memory.clear();
            known = new Remembered<>(lookup.get(), now.plus(remember));
            memory.put(hash, known);
        }
        return known.value();
    }

    /** What {@code memory} holds for {@code hash} if it was looked up within {@code remember}, without looking it up now. */
    private <T> Optional<T> recalled(Map<String, Remembered<T>> memory, String hash) {
        Remembered<T> known = memory.get(hash);
        return known == null || known.until().isBefore(clock.instant()) ? Optional.empty() : Optional.of(known.value());
    }

    /** Returns who {@code token} belongs to if a lookup found it valid moments ago, without looking it up now. */
    public Optional<Caller> remembered(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        String hash = hash(token.trim());
        String admin = configuredAdminHash.orElseGet(() -> storedAdmin == null ? null : storedAdmin.value());
        if (admin != null && same(hash, admin)) return Optional.of(Caller.ADMIN);
        return recalled(users, hash).flatMap(caller -> caller);
    }

    /**
     * Returns who each of {@code tokens} belongs to now, read afresh (one batch, no cache): for
     * rechecking open streams. Tokens that no longer work are absent.
     */
    public Map<String, Caller> authenticateAfresh(Collection<String> tokens) {
        Map<String, Caller> callers = new HashMap<>();
        Map<String, String> hashes = new HashMap<>();
        java.util.List<String> sessions = new java.util.ArrayList<>();
        java.util.List<String> accessTokens = new java.util.ArrayList<>();
        String admin = configuredAdminHash.orElseGet(() -> credentials.adminTokenHash().orElse(null));
        for (String token : tokens) {
            String hash = hash(token.trim());
            if (admin != null && same(hash, admin)) callers.put(token, Caller.ADMIN);
            else if (signIns != null && signIns.isProviders(token.trim())) accessTokens.add(token);
            else if (signIns != null && SignIns.isSession(token.trim())) sessions.add(token);
            else hashes.put(hash, token);
        }
        if (!sessions.isEmpty() || !accessTokens.isEmpty()) callers.putAll(signIns.afresh(sessions, accessTokens));
        if (!hashes.isEmpty()) {
            credentials.usersWithTokenHashes(hashes.keySet()).forEach((hash, owner) ->
                    callers.put(hashes.get(hash), owner.caller()));
        }
        return callers;
    }

    /**
     * Forgets what lookups found for user {@code userId} (bearer and feed tokens), so that a change of their role
     * or a suspension takes effect on this node's next request at once (other nodes see it within {@code remember}).
     */
    public void forget(long userId) {
        users.values().removeIf(known -> known.value().filter(c -> c.userId() == userId).isPresent());
        feeds.values().removeIf(known -> known.value().isPresent() && known.value().getAsLong() == userId);
    }

    /** Forgets what a lookup found for {@code token}, so that a session just ended stops working on this node at once. */
    public void forgetToken(String token) {
        if (token != null && !token.isBlank()) users.remove(hash(token.trim()));
    }

    /** Gives a user a new token as root (the command line) and returns it; it is kept nowhere but in the answer. Refuses for a deleted user. */
    public String issue(long userId) {
        return issue(userId, Acting.ROOT);
    }

    /** Gives a user a new token on behalf of {@code acting}, recorded in the same step, and returns it. */
    public String issue(long userId, Acting acting) {
        String token = newToken();
        credentials.setUserTokenHash(userId, hash(token), acting, clock.instant());
        return token;
    }

    /**
     * Gives a user a new calendar feed token (retiring the old one) and returns it: it reads their calendar
     * feed and nothing else, since calendar apps can only fetch a URL. Shown once, kept as a hash.
     */
    public String issueFeedToken(long userId, Acting acting) {
        String token = newToken("cal_");
        credentials.setFeedTokenHash(userId, hash(token), acting, clock.instant());
        return token;
    }

    /** The user whose calendar feed token this is, if any; remembered like a bearer token's owner. */
    public OptionalLong feedOwner(String token) {
        if (token == null || !token.startsWith("cal_") || token.length() > 100) return OptionalLong.empty();
        String hash = hash(token);
        return lookUp(feeds, hash, () -> credentials.userWithFeedTokenHash(hash));
    }

    /** Whose calendar feed {@code token} opens if a lookup found it moments ago, without looking it up now. */
    public OptionalLong rememberedFeedOwner(String token) {
        if (token == null || token.isBlank()) return OptionalLong.empty();
        return recalled(feeds, hash(token)).orElse(OptionalLong.empty());
    }

    /**
     * Makes a new administrator token, retiring the stored one, and returns it; refuses while a
     * configured token is in force, since that one would go on winning.
     */
    public String rotateAdmin() {
        if (configuredAdminHash.isPresent()) throw Refusal.ADMIN_TOKEN_CONFIGURED.refuse();
        String token = newToken();
        credentials.replaceAdminTokenHash(hash(token));
        storedAdmin = new Remembered<>(hash(token), clock.instant().plus(remember));
        return token;
    }

    /** The stored administrator hash, read again once remembered long enough, so that a rotation elsewhere takes effect. */
    private String storedAdminHash() {
        Remembered<String> known = storedAdmin;
        Instant now = clock.instant();
        if (known == null || known.until().isBefore(now)) {
            known = new Remembered<>(credentials.adminTokenHash().orElse(null), now.plus(remember));
            storedAdmin = known;
        }
        return known.value();
    }

    /** Returns a new random API token: 256 bits, URL-safe, prefixed so that it is recognisable in a secret scanner. */
    static String newToken() {
        return newToken("cv_");
    }

    /** Returns a new random secret of 256 bits, URL-safe, after {@code prefix} (which says what kind of secret it is). */
    static String newToken(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Returns the hex SHA-256 of a token: the only form in which tokens are stored. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
