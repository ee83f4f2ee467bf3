package org.convene.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.convene.audit.AuditTrail;
import org.convene.audit.Observation;
import org.convene.core.Caller;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refused privileged attempts (someone signed in trying what their role or standing does not allow): every one counted
 * in {@code convene_access_refused}, and a sample recorded in the users' audit chain, one per caller, refusal and route
 * a minute, so that somebody probing the API leaves a trace without filling the trail.
 */
final class RefusalSampler {
    private static final Logger LOG = LoggerFactory.getLogger(RefusalSampler.class);
    private static final Set<Refusal> PRIVILEGED = Set.of(Refusal.ADMIN_ONLY, Refusal.NOT_SELF, Refusal.HOSTS_ONLY,
            Refusal.MODERATORS_ONLY, Refusal.ROLE_FORBIDDEN, Refusal.ORGANIZERS_ONLY);
    private static final Duration SAMPLE = Duration.ofMinutes(1);

    private final AuditTrail audit;
    private final MeterRegistry metrics;
    private final Clock clock;

    RefusalSampler(AuditTrail audit, MeterRegistry metrics, Clock clock) {
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Counts and samples the refusal if it is a privileged attempt by a known caller; never fails the answer. */
    void refused(Context ctx, RefusedException e) {
        Caller caller = Authentication.callerIfKnown(ctx);
        if (caller == null || !PRIVILEGED.contains(e.refusal())) return;
        String route = ctx.method() + " " + ctx.path().replaceAll("/\\d+", "/{id}");
        Counter.builder("convene_access_refused").tag("refusal", e.refusal().name()).register(metrics).increment();
        String who = caller.actor().kind().wire() + caller.actor().userId();
        try {
            audit.note(new Observation("users", "access_refused", "refused", caller.actor().kind().wire(),
                    caller.actor().userId(), caller.actor().role().wire(), ctx.method() + " " + ctx.path(), clock.instant(),
                    RequestIds.of(ctx), Map.of("refusal", e.refusal().name())), "refused:" + who + ":" + e.refusal() + ":" + route,
                    SAMPLE);
        } catch (RuntimeException failed) {
            LOG.warn("A refused attempt on {} could not be sampled into the audit trail: {}", route, failed.getMessage());
        }
    }
}
