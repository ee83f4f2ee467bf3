package org.convene.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.convene.audit.port.AuditChains;

/**
 * The sealed audit trail as it is read out: the latest signed checkpoint with the key that checks it, and an export
 * of every chain's sealed records written in a time range, with the checkpoints made in it, line by line.
 */
public final class AuditTrail {
    private static final int PAGE = 500;

    private final AuditChains chains;
    private final SealKey key;

    /** The trail in {@code chains}, whose checkpoints {@code key} signs. */
    public AuditTrail(AuditChains chains, SealKey key) {
        this.chains = chains;
        this.key = key;
    }

    /** A sealer of this trail with its key, ticking every {@code period} once started. */
    public AuditSealer sealer(java.time.Clock clock, java.time.Duration period) {
        return new AuditSealer(chains, key, clock, period);
    }

    /** The public key that checks the checkpoints, base64 (X.509). */
    public String publicKey() {
        return key.publicBase64();
    }

    /** The latest signed checkpoint, if the sealer has made one. */
    public Optional<Checkpoint> latest() {
        return chains.latestCheckpoint();
    }

    /**
     * Hands {@code out} every sealed record written from {@code from} to {@code to}, chain by chain in order, then the
     * checkpoints made meanwhile. A chain's first record in the range is its anchor (its seal names the hash before).
     */
    public void export(Instant from, Instant to, Consumer<AuditLine> out) {
        long[] line = {0};
        for (String chain : new java.util.TreeSet<>(chains.chains())) {
            long after = 0;
            while (true) {
                List<AuditEntry> page = chains.after(chain, after, PAGE);
                if (page.isEmpty()) break;
                List<Seal> seals = chains.seals(chain, page.get(0).seq(), page.get(page.size() - 1).seq());
                List<AuditLine> sealedInRange = new ArrayList<>();
                for (int i = 0; i < page.size() && i < seals.size(); i++) {
                    AuditEntry entry = page.get(i);
                    Instant at = Instant.ofEpochMilli(Long.parseLong(entry.fields().getOrDefault("at", "0")));
                    if (!at.isBefore(from) && !at.isAfter(to)) sealedInRange.add(new AuditLine.Sealed(0, entry, seals.get(i)));
                }
                for (AuditLine l : sealedInRange) {
                    AuditLine.Sealed s = (AuditLine.Sealed) l;
                    out.accept(new AuditLine.Sealed(++line[0], s.entry(), s.seal()));
                }
                if (seals.size() < page.size()) break; // the rest is not sealed yet
                after = page.get(page.size() - 1).seq();
            }
        }
        for (Checkpoint c : chains.checkpoints(from, to)) out.accept(new AuditLine.Signed(++line[0], c));
    }
}
