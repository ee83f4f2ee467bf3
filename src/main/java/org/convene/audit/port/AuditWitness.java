package org.convene.audit.port;

import java.time.Instant;
import java.util.List;
import org.convene.audit.AuditEntry;
import org.convene.audit.Checkpoint;
import org.convene.audit.Seal;

/**
 * Whoever outside keeps the trail's heads: told of each record as it is sealed and of each checkpoint as it is signed
 * (the webhook events {@code audit.record_sealed} and {@code audit.checkpoint_signed}, for the endpoints that ask for
 * them by name). Telling is best effort after the seal: a witness that misses one catches up at the next checkpoint.
 */
public interface AuditWitness {
    /** No one outside: the default. */
    AuditWitness NONE = new AuditWitness() {
        @Override
        public void sealed(List<AuditEntry> entries, List<Seal> seals, Instant at) {}

        @Override
        public void signed(Checkpoint checkpoint) {}
    };

    /** These records were sealed with these seals, in order. */
    void sealed(List<AuditEntry> entries, List<Seal> seals, Instant at);

    /** This checkpoint was signed. */
    void signed(Checkpoint checkpoint);
}
