package org.convene.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.convene.model.RefusedException;

/**
 * Passwords of local accounts, hashed with the JDK's PBKDF2-HMAC-SHA256 at OWASP's current work factor (600,000
 * iterations), a 16-byte random salt and a 32-byte key, stored as {@code pbkdf2-sha256$<iterations>$<salt>$<key>} so
 * that a later, higher factor reads the older hashes still. Compared in constant time.
 */
public final class Passwords {
    /** OWASP's Password Storage Cheat Sheet for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 600_000;
    private static final int MIN_LENGTH = 10;
    private static final int MAX_LENGTH = 200;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final java.util.concurrent.Semaphore HASHING =
            new java.util.concurrent.Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);
    private static final String PREFIX = "pbkdf2-sha256";

    private Passwords() {}

    /** Returns a new password's hash, or refuses one too short, too long, or equal to the e-mail. */
    public static String hash(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw RefusedException.invalid("password", "must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) throw RefusedException.invalid("password", "must have at most " + MAX_LENGTH + " characters");
        if (password.strip().equalsIgnoreCase(email)) throw RefusedException.invalid("password", "must not be the e-mail");
        return hashWith(password, ITERATIONS);
    }

    /** Whether {@code password} is the one {@code stored} is the hash of. */
    public static boolean matches(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) return false;
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] key = derive(password, salt, Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(key, Base64.getDecoder().decode(parts[3]));
    }

    /** Spends the time a check takes, for an e-mail that has no account: the answer is the same either way. */
    public static void decoy(String password) {
        matches(password == null ? "" : password, Decoy.HASH);
    }

    /** Hashed instead when no account matches, so that an unknown e-mail takes as long to refuse as a wrong password. */
    private static final class Decoy {
        static final String HASH = hashWith("not the password of anyone", ITERATIONS);
    }

    private static String hashWith(String password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derive(password, salt, iterations));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
        // At most one hash per processor at once: a burst of sign-ins queues here instead of taking every core.
        HASHING.acquireUninterruptibly();
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("the JDK has no PBKDF2WithHmacSHA256", e);
        } finally {
            HASHING.release();
            spec.clearPassword();
        }
    }
}
