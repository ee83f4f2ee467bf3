package org.convene.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.convene.audit.port.AuditChains;
import org.convene.audit.port.AuditWitness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals the audit chains and signs checkpoints, on whichever node holds the sealer's lease (one at a time; a seal is a
 * compare-and-set on the chain's head besides, so two sealers never fork a chain). Each {@link #tick} seals what was
 * written since (the chains touched, and every chain once a minute), then signs a checkpoint of every chain's head if
 * any moved. It runs on its own thread every period, or by hand (tests, on an adjustable clock).
 */
public final class AuditSealer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditSealer.class);
    private static final int BATCH = 500;
    private static final Duration SWEEP = Duration.ofMinutes(1);
    private static final Duration TRIM_EVERY = Duration.ofHours(1);
    /** How long records are kept unless configured: a year. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(365);

    private final AuditChains chains;
    private final SealKey key;
    private final Clock clock;
    private final Duration period;
    private final Duration retention;
    private Instant trimmedAt = Instant.MIN;
    private volatile AuditWitness witness = AuditWitness.NONE;
    private final String holder = UUID.randomUUID().toString();
    private final Map<String, Checkpoint.Head> heads = new HashMap<>();
    private Instant sweptAt = Instant.MIN;
    private boolean held;
    private volatile Duration lag = Duration.ZERO;
    private Thread thread;

    /** A sealer of {@code chains} signing with {@code key}, ticking every {@code period} once started; the default retention. */
    public AuditSealer(AuditChains chains, SealKey key, Clock clock, Duration period) {
        this(chains, key, clock, period, DEFAULT_RETENTION);
    }

    /** The same, trimming records older than {@code retention} (once an hour) behind an anchor record. */
    public AuditSealer(AuditChains chains, SealKey key, Clock clock, Duration period, Duration retention) {
        if (retention.compareTo(Duration.ofDays(1)) < 0) throw new IllegalArgumentException("retention: at least a day, was " + retention);
        this.chains = chains;
        this.key = key;
        this.clock = clock;
        this.period = period;
        this.retention = retention;
    }

    /** What one tick did: records sealed, and the checkpoint signed if the heads moved. */
    public record Tick(int sealed, Optional<Checkpoint> checkpoint) {}

    /** Seals what is due and signs a checkpoint if any head moved; nothing while another node holds the lease. */
    public synchronized Tick tick() {
        if (!chains.lease(holder, period.multipliedBy(5).toMillis())) {
            held = false;
            return new Tick(0, Optional.empty());
        }
        Instant now = clock.instant();
        // A lease just taken over: another node sealed meanwhile, so every head is read again.
        boolean sweep = !held || !now.isBefore(sweptAt.plus(SWEEP));
        held = true;
        Set<String> todo = sweep ? chains.chains() : chains.touched();
        if (sweep) sweptAt = now;
        int sealed = 0;
        boolean moved = false;
        Duration oldest = Duration.ZERO;
        Map<Long, Optional<String>> salts = new HashMap<>();
        for (String chain : todo) {
            Optional<Seal> head = chains.head(chain);
            head.ifPresent(h -> heads.put(chain, new Checkpoint.Head(h.seq(), h.hash())));
            while (true) {
                long afterSeq = head.map(Seal::seq).orElse(0L);
                String prev = head.map(Seal::hash).orElse("");
                List<AuditEntry> entries = chains.after(chain, afterSeq, BATCH);
                if (entries.isEmpty()) break;
                Duration waited = Duration.ofMillis(Math.max(0, now.toEpochMilli()
                        - Long.parseLong(entries.get(0).fields().getOrDefault("at", Long.toString(now.toEpochMilli())))));
                if (waited.compareTo(oldest) > 0) oldest = waited;
                List<Seal> seals = new ArrayList<>();
                for (AuditEntry entry : entries) {
                    Seal seal = AuditChain.seal(prev, entry, digests(entry, salts));
                    seals.add(seal);
                    prev = seal.hash();
                }
                chains.index(entries);
                if (!chains.seal(chain, afterSeq, seals)) break; // another sealer went first: it has this chain
                tell(() -> witness.sealed(entries, seals, now));
                sealed += seals.size();
                Seal last = seals.get(seals.size() - 1);
                heads.put(chain, new Checkpoint.Head(last.seq(), last.hash()));
                moved = true;
                head = Optional.of(last);
            }
        }
        lag = oldest;
        forgetErased(salts);
        if (!now.isBefore(trimmedAt.plus(TRIM_EVERY))) {
            trimmedAt = now;
            trim(now);
        }
        Optional<Checkpoint> signed = Optional.empty();
        Optional<Checkpoint> latest = chains.latestCheckpoint();
        if (moved || latest.isEmpty() && !heads.isEmpty() || latest.isPresent() && !latest.get().heads().equals(heads)) {
            long n = latest.map(Checkpoint::n).orElse(0L) + 1;
            Checkpoint unsigned = new Checkpoint(n, now, heads, key.id(), "");
            Checkpoint checkpoint = new Checkpoint(n, now, heads, key.id(), key.sign(unsigned.signed()));
            if (chains.addCheckpoint(checkpoint)) {
                signed = Optional.of(checkpoint);
                tell(() -> witness.signed(checkpoint));
            }
        }
        return new Tick(sealed, signed);
    }

    /**
     * The salted digests of a record's personal fields. A person erased before their record was sealed has no salt: their
     * fields are deleted now (the record may have been written while the erasure ran) and stand as digests of nothing.
     */
    private Map<String, String> digests(AuditEntry entry, Map<Long, Optional<String>> salts) {
        if (entry.personal().isEmpty()) return Map.of();
        Optional<String> salt = entry.subject().isPresent()
                ? salts.computeIfAbsent(entry.subject().getAsLong(), id -> chains.salt(id, true)) : Optional.empty();
        if (salt.isEmpty()) chains.forget(entry.chain(), entry.seq(), entry.personal());
        Map<String, String> digests = new HashMap<>();
        for (String name : entry.personal()) {
            String value = entry.fields().get(name);
            digests.put(name, salt.isPresent() && value != null ? AuditChain.digest(salt.get(), value)
                    : AuditChain.digest(UUID.randomUUID().toString(), ""));
        }
        return digests;
    }

    /**
     * Takes every chain's sealed records older than the retention away behind an anchor record (sealed at the next tick,
     * after the chain's head), and the index's entries and checkpoints as old.
     */
    private void trim(Instant now) {
        Instant cutoff = now.minus(retention);
        for (String chain : chains.chains()) {
            chains.head(chain).ifPresent(head -> chains.trim(chain, cutoff, head.seq(), now, retention.toDays()));
        }
        chains.trimIndex(cutoff);
    }

    /**
     * Deletes the personal fields of records sealed this tick whose person was erased meanwhile: an erasure reads the
     * index of the records naming them after deleting their salt, and the sealer writes that index before it seals, so
     * a record either is in what the erasure read or is caught here.
     */
    private void forgetErased(Map<Long, Optional<String>> salts) {
        for (var salt : salts.entrySet()) {
            if (salt.getValue().isEmpty() || chains.salt(salt.getKey(), false).isPresent()) continue;
            for (AuditEntry e : chains.naming(salt.getKey())) {
                if (e.subject().orElse(0) == salt.getKey()) chains.forget(e.chain(), e.seq(), e.personal());
            }
        }
    }

    /** Tells {@code witness} (the webhooks) of seals and checkpoints from now on; returns this sealer. */
    public AuditSealer witnessedBy(AuditWitness witness) {
        this.witness = witness;
        return this;
    }

    /** Tells the witness, best effort: the seal stands whatever it answers. */
    private static void tell(Runnable telling) {
        try {
            telling.run();
        } catch (RuntimeException e) {
            LOG.warn("The audit trail's witness could not be told: {}", e.getMessage());
        }
    }

    /** How long the oldest record waited for its seal at the last tick: the seal lag. */
    public Duration lag() {
        return lag;
    }

    /** Ticks every period on a thread of its own until closed. */
    public synchronized AuditSealer start() {
        if (thread != null) return this;
        thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    tick();
                } catch (RuntimeException e) {
                    LOG.warn("Sealing the audit chains failed, trying again in {} ms: {}", period.toMillis(), e.getMessage());
                }
                try {
                    Thread.sleep(period.toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }, "audit-sealer");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    @Override
    public synchronized void close() {
        if (thread == null) return;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }
}
