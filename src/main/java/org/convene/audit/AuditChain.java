package org.convene.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * How a chain's records are hashed, the same for the sealer and for an offline verification: the canonical form of a
 * record is its chain, its number and each field as {@code name=value}, in name order, one per line, each value with
 * backslashes and line breaks escaped; a personal field ({@code p.<x>}) stands there as {@code p.<x>#=<digest>}, its
 * salted digest, so that erasing its value and salt leaves the chain verifiable. Its hash is SHA-256 over the previous
 * record's hash, a line break, and that form.
 */
public final class AuditChain {
    private AuditChain() {}

    /** The record's canonical form, as UTF-8, with the digests of its personal fields. */
    public static byte[] canonical(AuditEntry entry, Map<String, String> digests) {
        StringBuilder text = new StringBuilder().append("chain=").append(entry.chain()).append('\n')
                .append("seq=").append(entry.seq()).append('\n');
        for (Map.Entry<String, String> field : entry.fields().entrySet()) {
            if (field.getKey().startsWith("p.")) continue; // stands as its digest below
            text.append(escape(field.getKey())).append('=').append(escape(field.getValue())).append('\n');
        }
        for (String name : entry.personal()) {
            text.append(escape(name)).append("#=").append(digests.getOrDefault(name, "")).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The record's hash after the hash {@code prev} of the record before it (empty for a chain's first). */
    public static String hash(String prev, AuditEntry entry, Map<String, String> digests) {
        MessageDigest sha = sha256();
        sha.update((prev + "\n").getBytes(StandardCharsets.US_ASCII));
        sha.update(canonical(entry, digests));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The hash of a record with no personal fields. */
    public static String hash(String prev, AuditEntry entry) {
        return hash(prev, entry, Map.of());
    }

    /** The seal of a record with no personal fields after {@code prev}. */
    public static Seal seal(String prev, AuditEntry entry) {
        return seal(prev, entry, Map.of());
    }

    /** The seal of {@code entry} after {@code prev}, its personal fields standing as {@code digests}. */
    public static Seal seal(String prev, AuditEntry entry, Map<String, String> digests) {
        return new Seal(entry.chain(), entry.seq(), prev, hash(prev, entry, digests), digests);
    }

    /** The digest of a personal field's value under its person's salt: SHA-256 over the salt, a line break and the value. */
    public static String digest(String salt, String value) {
        MessageDigest sha = sha256();
        sha.update((salt + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update(value.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}
