package org.convene.http;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.convene.audit.AuditTrail;
import org.convene.audit.Observation;
import org.convene.core.Caller;

/**
 * Records in the audit trail who read someone else's data (a meeting's attendance, a person's attendance, events or
 * export): once per reader, what they read and day (UTC), so that a host paging through a report is one record a day.
 */
final class ReadNotes {
    private final AuditTrail audit;
    private final Clock clock;

    ReadNotes(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Notes that {@code caller} read {@code what} ({@code attendance_read}, ...) of {@code target} in {@code chain}. */
    void read(Caller caller, String chain, String what, String target, String requestId) {
        String reader = caller.actor().kind().wire() + caller.actor().userId();
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        audit.note(new Observation(chain, what, "ok", caller.actor().kind().wire(), caller.actor().userId(),
                caller.actor().role().wire(), target, clock.instant(), requestId, Map.of()),
                what + ":" + reader + ":" + target + ":" + day, Duration.ofDays(1).plusHours(1));
    }
}
