package org.convene.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A signed statement of every chain's head at one moment: checkpoint {@code n}, when, each chain's last sealed number
 * and hash, the signing key's id, and the Ed25519 signature (base64) over {@link #signed()}. A later export that lacks
 * a head it names, or holds another hash there, has been cut short or rolled back.
 */
public record Checkpoint(long n, Instant at, Map<String, Head> heads, String keyId, String signature) {
    /** A chain's last sealed record at the checkpoint. */
    public record Head(long seq, String hash) {}

    public Checkpoint {
        if (n < 1) throw new IllegalArgumentException("n: must be 1 or more, was " + n);
        heads = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(heads));
    }

    /** What the signature covers: the number, the moment (ms) and each head, in chain order, one per line. */
    public byte[] signed() {
        StringBuilder text = new StringBuilder("checkpoint=").append(n).append('\n').append("at=").append(at.toEpochMilli())
                .append('\n');
        heads.forEach((chain, head) -> text.append(chain).append('=').append(head.seq()).append(':').append(head.hash()).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
