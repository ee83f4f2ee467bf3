package org.convene.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.convene.core.Credentials;

/**
 * Bearer tokens: made here, shown once, kept only as SHA-256 hashes, compared in constant time.
 * A looked-up user is remembered for a few seconds, so a rotated or deleted token stops working
 * within that time rather than at once.
 */
final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long REMEMBER_NANOS = 5_000_000_000L;

    private final Credentials credentials;
    private final Optional<String> configuredAdminHash;
    private volatile String storedAdminHash;
    private volatile long storedAdminUntil;
    private final Map<String, Remembered> users = new ConcurrentHashMap<>();

    private record Remembered(Optional<Caller> caller, long until) {}

    Tokens(Credentials credentials, Optional<String> configuredAdminToken) {
        this.credentials = credentials;
        this.configuredAdminHash = configuredAdminToken.map(Tokens::hash);
    }

    /**
     * Makes sure an administrator token exists: the configured one, or one stored at an earlier
     * start. Returns a newly made token, to be shown once, when there was none.
     */
    Optional<String> ensureAdminToken() {
        if (configuredAdminHash.isPresent()) return Optional.empty();
        String token = newToken();
        String inForce = credentials.initAdminTokenHash(hash(token));
        storedAdminHash = inForce;
        storedAdminUntil = System.nanoTime() + REMEMBER_NANOS;
        return inForce.equals(hash(token)) ? Optional.of(token) : Optional.empty();
    }

    /** Returns who {@code authorization} (an {@code Authorization} header) belongs to, or refuses with 401. */
    Caller authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw HttpProblem.unauthorized("Send 'Authorization: Bearer <token>'");
        }
        String hash = hash(authorization.substring(7).trim());
        String admin = configuredAdminHash.orElseGet(this::storedAdminHash);
        if (admin != null && same(hash, admin)) return Caller.ADMIN;
        long now = System.nanoTime();
        Remembered known = users.get(hash);
        if (known == null || known.until() < now) {
            if (users.size() > 100_000) users.clear();
            known = new Remembered(credentials.userWithTokenHash(hash).map(o -> Caller.user(o.userId(), o.email())),
                    now + REMEMBER_NANOS);
            users.put(hash, known);
        }
        return known.caller().orElseThrow(() -> HttpProblem.unauthorized("The token is not valid"));
    }

    /** The stored administrator hash, read again every few seconds so that a rotation elsewhere takes effect. */
    private String storedAdminHash() {
        long now = System.nanoTime();
        if (now > storedAdminUntil) {
            storedAdminHash = credentials.adminTokenHash().orElse(null);
            storedAdminUntil = now + REMEMBER_NANOS;
        }
        return storedAdminHash;
    }

    /** Gives a user a new token and returns it; it is not kept anywhere but in the answer. */
    String issue(long userId) {
        String token = newToken();
        credentials.setUserTokenHash(userId, hash(token));
        return token;
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "cv_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
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
