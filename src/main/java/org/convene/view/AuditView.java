package org.convene.view;

import java.time.Instant;
import java.util.Map;
import org.convene.audit.AuditEntry;
import org.convene.model.Actor;
import org.convene.model.AuditRecord;

/** An audit record as the API shows it; {@code chain} where records of several chains are shown together. */
public record AuditView(String chain, long seq, Instant at, String action, String outcome, Map<String, Object> actor,
                        String target, String before, String after, String requestId, Map<String, String> details) {

    /** A record of the one chain being shown. */
    public static AuditView of(AuditRecord r) {
        return of(null, r);
    }

    /** A record among those of several chains. */
    public static AuditView of(AuditEntry e) {
        return of(e.chain(), AuditRecord.of(e.seq(), e.fields()));
    }

    static AuditView of(String chain, AuditRecord r) {
        Map<String, Object> actor = r.actor().kind() == Actor.Kind.USER
                ? Map.of("kind", "user", "id", r.actor().userId(), "role", r.actor().role().wire())
                : Map.of("kind", r.actor().kind().wire(), "role", r.actor().role().wire());
        return new AuditView(chain, r.seq(), r.at(), r.action(), r.outcome(), actor, r.target(), r.before(), r.after(),
                r.requestId().isEmpty() ? null : r.requestId(), r.details());
    }
}
