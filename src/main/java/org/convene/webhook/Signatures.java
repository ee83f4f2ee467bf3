package org.convene.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing by the Standard Webhooks specification: a secret is {@code whsec_} and the base64 of 24
 * random bytes; a signature is {@code v1,} and the base64 HMAC-SHA256, under the secret's bytes, of
 * {@code <webhook-id>.<webhook-timestamp>.<body>}; several secrets (during a rotation) give several
 * signatures separated by spaces, any one of which a receiver may check.
 */
public final class Signatures {
    private static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {}

    /** A new random signing secret. */
    public static String newSecret() {
        byte[] key = new byte[24];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header for a message signed with each of {@code secrets}. */
    public static String header(List<String> secrets, String id, long timestampSeconds, byte[] body) {
        return secrets.stream().map(secret -> "v1," + sign(secret, id, timestampSeconds, body))
                .collect(Collectors.joining(" "));
    }

    /** The base64 HMAC-SHA256 of {@code id.timestamp.body} under the secret's bytes. */
    public static String sign(String secret, String id, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
    }
}
