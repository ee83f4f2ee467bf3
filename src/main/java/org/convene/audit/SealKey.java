package org.convene.audit;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The Ed25519 key that signs checkpoints (from the JDK). Its private half lives outside Redis: a file in the data
 * directory readable by its owner only, or an environment variable (see app.AuditKey); its public half is published
 * ({@code GET /audit/checkpoint}) and is all an offline verification needs. Its id is the first 16 hex digits of the
 * SHA-256 of the public key.
 */
public final class SealKey {
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private SealKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A new key pair. */
    public static SealKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new SealKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK 15 and later has Ed25519", e);
        }
    }

    /** The key a private half was saved as ({@link #privateBase64()}: base64 of PKCS#8, then of X.509, split by a dot). */
    public static SealKey of(String saved) {
        String[] halves = saved.strip().split("\\.");
        if (halves.length != 2) throw new IllegalArgumentException("an audit seal key is two base64 halves joined by a dot");
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            return new SealKey(factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(halves[0]))),
                    publicKey(halves[1]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 audit seal key: " + e.getMessage(), e);
        }
    }

    /** The public key of its base64 (X.509), as {@link #publicBase64()} gives it. */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key in base64: " + e.getMessage(), e);
        }
    }

    /** The key to save: both halves, the private first. */
    public String privateBase64() {
        return Base64.getEncoder().encodeToString(privateKey.getEncoded()) + "." + publicBase64();
    }

    /** The public half, base64 of X.509: what a verifier is given. */
    public String publicBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** The key's id: the first 16 hex digits of the SHA-256 of its public half. */
    public String id() {
        return idOf(publicKey);
    }

    static String idOf(PublicKey key) {
        return HexFormat.of().formatHex(AuditChain.sha256().digest(key.getEncoded())).substring(0, 16);
    }

    /** Signs {@code data}; the signature in base64. */
    public String sign(byte[] data) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(data);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an Ed25519 key signs", e);
        }
    }

    /** Whether {@code signature} (base64) is {@code key}'s over {@code data}. */
    public static boolean verifies(PublicKey key, byte[] data, String signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
