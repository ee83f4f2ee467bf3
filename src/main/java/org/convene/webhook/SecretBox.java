package org.convene.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals signing secrets before they are stored, with AES-256-GCM under a key that only Convene's nodes
 * hold (CONVENE_WEBHOOK_KEY, or a key file in the data directory): whoever reads Redis, a dump or a
 * replica learns nothing they could sign with. A sealed value is {@code v1.} and the base64 of a
 * 12-byte nonce and the ciphertext with its tag.
 */
public final class SecretBox {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String VERSION = "v1.";
    private final SecretKeySpec key;

    /** A box on a 32-byte key. */
    public SecretBox(byte[] key) {
        if (key.length != 32) throw new IllegalArgumentException("the webhook key must be 32 bytes, was " + key.length);
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A new random key, base64-encoded as CONVENE_WEBHOOK_KEY takes it. */
    public static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** The sealed form of {@code secret}. */
    public String seal(String secret) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The secret sealed in {@code sealed}; fails if it was sealed under another key or changed. */
    public String open(String sealed) {
        if (!sealed.startsWith(VERSION)) throw new IllegalArgumentException("not a sealed secret");
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A webhook secret cannot be opened with this node's key: is "
                    + "CONVENE_WEBHOOK_KEY the same on every node?", e);
        }
    }
}
