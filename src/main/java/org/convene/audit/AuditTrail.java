package org.convene.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** A sealer of this trail with its key, ticking every {@code period} once started, keeping records a year. */
    public AuditSealer sealer(java.time.Clock clock, java.time.Duration period) {
        return new AuditSealer(chains, key, clock, period);
    }

    /** The same, keeping records for {@code retention}. */
    public AuditSealer sealer(java.time.Clock clock, java.time.Duration period, java.time.Duration retention) {
        return new AuditSealer(chains, key, clock, period, retention);
    }

    /** What a search of the whole trail asks for: each given part must match (null: any). */
    public record Filter(String chain, String action, String actor, String target, Instant from, Instant to) {
        boolean matches(AuditEntry e) {
            Instant at = Instant.ofEpochMilli(Long.parseLong(e.fields().getOrDefault("at", "0")));
            String who = "root".equals(e.fields().get("actorKind")) ? "root"
                    : e.fields().get("actorKind") + ":" + e.fields().get("actorId");
            return (chain == null || chain.equals(e.chain())) && (action == null || action.equals(e.fields().get("action")))
                    && (actor == null || actor.equals(who)) && (target == null || target.equals(e.fields().get("target")))
                    && (from == null || !at.isBefore(from)) && (to == null || !at.isAfter(to));
        }
    }

    /** Up to {@code limit} records written before {@code before}, newest first, that match the filter. */
    public List<AuditEntry> search(Filter filter, Instant before, int limit) {
        return search(filter, Position.before(before), limit);
    }

    /**
     * Up to {@code limit} records of every chain after {@code position} (newest first: a page goes on from its last
     * record, records of one millisecond included), that match the filter; read from the sealer's index of records by
     * time (so a record shows here once sealed, within seconds), looking through at most 20 pages of it per call.
     */
    public List<AuditEntry> search(Filter filter, Position position, int limit) {
        List<AuditEntry> found = new ArrayList<>();
        Position cursor = filter.to() != null && filter.to().isBefore(position.at())
                ? Position.before(filter.to().plusMillis(1)) : position;
        for (int page = 0; page < 20 && found.size() < limit; page++) {
            List<AuditEntry> entries = chains.indexedAfter(cursor, PAGE);
            if (entries.isEmpty()) break;
            for (AuditEntry e : entries) if (filter.matches(e) && found.size() < limit) found.add(e);
            cursor = Position.after(entries.get(entries.size() - 1));
            if (filter.from() != null && cursor.at().isBefore(filter.from())) break;
        }
        return found;
    }

    /** The salt that checks the record's personal fields, {@code ""} if it has none or they are erased. */
    private String saltOf(AuditEntry entry, Map<Long, String> salts) {
        if (entry.personal().isEmpty() || entry.subject().isEmpty() || entry.erased()) return "";
        return salts.computeIfAbsent(entry.subject().getAsLong(), id -> chains.salt(id, false).orElse(""));
    }

    /** The sealed records naming user {@code userId} (as actor, target or subject), oldest first. */
    public List<AuditEntry> naming(long userId) {
        return chains.naming(userId);
    }

    /**
     * Deletes the personal fields of the sealed records about user {@code userId}, whose salt their erasure deleted: the
     * digests sealed in their place keep the chains verifiable. Those the sealer has not reached yet it blanks itself.
     * Returns how many records had fields to delete.
     */
    public long forget(long userId) {
        long forgotten = 0;
        for (AuditEntry e : chains.naming(userId)) {
            if (e.subject().orElse(0) != userId || e.personal().isEmpty()) continue;
            if (e.personal().stream().anyMatch(e.fields()::containsKey)) forgotten++;
            chains.forget(e.chain(), e.seq(), e.personal());
        }
        return forgotten;
    }

    /**
     * Records a refused attempt or a read of someone else's data, at most once per {@code once} key within {@code within}
     * (a sample of refusals; a read once a day); whether it was recorded now.
     */
    public boolean note(Observation observation, String once, java.time.Duration within) {
        return chains.note(observation, once, within);
    }

    /**
     * Verifies the whole trail as an export of it would be verified offline, with this trail's own public key: the
     * console's "verified up to checkpoint N" mark (a witness outside should verify an export with the key it kept).
     */
    public AuditVerifier.Verdict verify(Instant until) {
        List<AuditLine> lines = new ArrayList<>();
        export(Instant.EPOCH, until, lines::add);
        return AuditVerifier.verify(lines, SealKey.publicKey(key.publicBase64()));
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
        Map<Long, String> salts = new HashMap<>();
        // Read before the chains, written after them: a checkpoint signed while the chains are read would name heads
        // this export does not reach, and read as a cut.
        List<Checkpoint> checkpoints = chains.checkpoints(from, to);
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
                    out.accept(new AuditLine.Sealed(++line[0], s.entry(), s.seal(), saltOf(s.entry(), salts)));
                }
                if (seals.size() < page.size()) break; // the rest is not sealed yet
                after = page.get(page.size() - 1).seq();
            }
        }
        for (Checkpoint c : checkpoints) out.accept(new AuditLine.Signed(++line[0], c));
    }
}
