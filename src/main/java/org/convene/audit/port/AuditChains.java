package org.convene.audit.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.convene.audit.AuditEntry;
import org.convene.audit.Checkpoint;
import org.convene.audit.Observation;
import org.convene.audit.Position;
import org.convene.audit.Seal;

/** Where the audit chains, their seals and the signed checkpoints are kept: the sealer's and the export's port. */
public interface AuditChains {

    /** Every chain there is: the users', and each meeting's (those deleted too, once sealed). */
    Set<String> chains();

    /** The chains written since this was last asked (a hint: {@link #chains()} is the whole truth). */
    Set<String> touched();

    /** The chain's last seal, if any. */
    Optional<Seal> head(String chain);

    /** Up to {@code limit} records of the chain numbered above {@code afterSeq}, in order. */
    List<AuditEntry> after(String chain, long afterSeq, int limit);

    /**
     * Adds seals after the chain's seal {@code afterSeq} (0: none yet) in one step; false, changing nothing, if the
     * chain's head is no longer {@code afterSeq} (another sealer went first).
     */
    boolean seal(String chain, long afterSeq, List<Seal> seals);

    /**
     * Notes sealed-to-be records in the index of every chain's records by time (idempotent: written before their
     * seals, so that it holds at least every sealed record).
     */
    void index(List<AuditEntry> entries);

    /** Up to {@code limit} indexed records after {@code position} in the newest-first order (see {@link Position}). */
    List<AuditEntry> indexedAfter(Position position, int limit);

    /** The chain's seals numbered {@code fromSeq} to {@code toSeq}, in order. */
    List<Seal> seals(String chain, long fromSeq, long toSeq);

    /** Appends a signed checkpoint; false if checkpoint {@code n} exists already. */
    boolean addCheckpoint(Checkpoint checkpoint);

    /** The latest checkpoint, if any. */
    Optional<Checkpoint> latestCheckpoint();

    /** The checkpoints made from {@code from} to {@code to}, in order. */
    List<Checkpoint> checkpoints(Instant from, Instant to);

    /**
     * The salt of user {@code userId}'s personal fields: made on first use when {@code make}; empty once they are erased
     * (and, without {@code make}, before it is made).
     */
    Optional<String> salt(long userId, boolean make);

    /** Deletes the personal fields {@code names} of record {@code seq} of the chain (idempotent): the person is erased. */
    void forget(String chain, long seq, List<String> names);

    /** The records that name user {@code userId} (as actor, target or subject), indexed by the sealer, oldest first. */
    List<AuditEntry> naming(long userId);

    /**
     * Records an observation in its chain, at most once per {@code once} key ({@code ""}: every time) within
     * {@code within}; whether it was recorded.
     */
    boolean note(Observation observation, String once, java.time.Duration within);

    /**
     * Takes the chain's sealed records written before {@code cutoff} away (never its last seal), leaving an anchor
     * record that names the last one taken and its hash; returns that record's number (0: none taken).
     */
    long trim(String chain, Instant cutoff, long sealedThrough, Instant now, long retentionDays);

    /** Takes the index's entries and the checkpoints from before {@code cutoff} away. */
    void trimIndex(Instant cutoff);

    /** Takes the sealer's lease for {@code holder} (or renews it) for {@code millis}; whether it holds it now. */
    boolean lease(String holder, long millis);
}
