package org.convene.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * How a chain's records are hashed, the same for the sealer and for an offline verification: the canonical form of a
 * record is its chain, its number and each field as {@code name=value}, in name order, one per line, each value with
 * backslashes and line breaks escaped; its hash is SHA-256 over the previous record's hash, a line break, and that form.
 */
public final class AuditChain {
    private AuditChain() {}

    /** The record's canonical form, as UTF-8. */
    public static byte[] canonical(AuditEntry entry) {
        StringBuilder text = new StringBuilder().append("chain=").append(entry.chain()).append('\n')
                .append("seq=").append(entry.seq()).append('\n');
        for (Map.Entry<String, String> field : entry.fields().entrySet()) {
            text.append(escape(field.getKey())).append('=').append(escape(field.getValue())).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The record's hash after the hash {@code prev} of the record before it (empty for a chain's first). */
    public static String hash(String prev, AuditEntry entry) {
        MessageDigest sha = sha256();
        sha.update((prev + "\n").getBytes(StandardCharsets.US_ASCII));
        sha.update(canonical(entry));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The seal of {@code entry} after {@code prev}. */
    public static Seal seal(String prev, AuditEntry entry) {
        return new Seal(entry.chain(), entry.seq(), prev, hash(prev, entry));
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
