package org.convene.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.convene.audit.AuditTrail;
import org.convene.audit.Checkpoint;
import org.convene.model.AuditRecord;
import org.convene.view.AuditLines;

/**
 * {@code /audit}: the sealed audit trail, for administrators: the latest signed checkpoint with the public key that
 * checks it, and an export as JSON Lines that {@code convene audit verify} checks offline.
 */
final class AuditRoutes {
    private final AuditTrail trail;
    private final java.time.Clock clock;

    AuditRoutes(AuditTrail trail, java.time.Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /** What the server's own verification of the whole trail found, and when. */
    record VerificationView(boolean intact, String problem, long records, long checkpoints, long verifiedUpToCheckpoint,
                            Instant verifiedAt) {
        VerificationView(org.convene.audit.AuditVerifier.Verdict v, Instant at) {
            this(v.intact(), v.intact() ? null : v.problem(), v.records(), v.checkpoints(), v.lastCheckpoint(), at);
        }
    }

    /** The latest checkpoint (absent before the first), and the key that signs them. */
    record CheckpointView(String publicKey, Long n, Instant at, String keyId, Map<String, Checkpoint.Head> heads,
                          String signature) {}

    void register(RouteTable routes) {
        routes.get("/audit/checkpoint", Role.ADMIN, ctx -> {
            var latest = trail.latest();
            ctx.json(latest.map(c -> new CheckpointView(trail.publicKey(), c.n(), c.at(), c.keyId(), c.heads(), c.signature()))
                    .orElse(new CheckpointView(trail.publicKey(), null, null, null, null, null)));
        });
        routes.get("/audit/export", Role.ADMIN, this::export);
        routes.get("/audit/verification", Role.ADMIN, ctx -> {
            Instant at = clock.instant();
            ctx.json(new VerificationView(trail.verify(at.plusSeconds(1)), at));
        });
        routes.get("/audit", Role.ADMIN, this::search);
    }

    /** The whole trail, newest first, filtered by chain, action, actor (root or user:<id>), target and time. */
    private void search(Context ctx) {
        String actor = ctx.queryParam("actor");
        if (actor != null && !actor.matches("root|user:\\d+")) {
            throw HttpProblem.badRequest("'actor' must be root or user:<id>, was '" + actor + "'");
        }
        String chain = ctx.queryParam("chain");
        if (chain != null && !chain.matches("users|hooks|meeting:\\d+")) {
            throw HttpProblem.badRequest("'chain' must be users, hooks or meeting:<id>, was '" + chain + "'");
        }
        Instant from = ctx.queryParam("from") == null ? null : Bodies.time("from", ctx.queryParam("from"));
        Instant to = ctx.queryParam("to") == null ? null : Bodies.time("to", ctx.queryParam("to"));
        Instant before = ctx.queryParam("before") == null ? clock.instant().plusSeconds(1) : Bodies.time("before", ctx.queryParam("before"));
        var filter = new AuditTrail.Filter(chain, ctx.queryParam("action"), actor, ctx.queryParam("target"), from, to);
        String record = ctx.queryParam("beforeRecord");
        if (record != null && !record.matches("(users|hooks|meeting:\\d+)#\\d+")) {
            throw HttpProblem.badRequest("'beforeRecord' must be <chain>#<seq> (the last record of the page before), was '" + record + "'");
        }
        ctx.json(trail.search(filter, new org.convene.audit.Position(before, record), Params.limit(ctx)).stream()
                .map(org.convene.view.AuditView::of).toList());
    }

    private void export(Context ctx) {
        Instant from = ctx.queryParam("from") == null ? Instant.EPOCH : Bodies.time("from", ctx.queryParam("from"));
        Instant to = ctx.queryParam("to") == null ? clock.instant().plusSeconds(1) : Bodies.time("to", ctx.queryParam("to"));
        if (to.isBefore(from)) throw HttpProblem.badRequest("'to' must not be before 'from'");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        trail.export(from, to, line -> body.writeBytes((AuditLines.write(line) + "\n").getBytes(StandardCharsets.UTF_8)));
        ctx.header("Content-Disposition", "attachment; filename=\"convene-audit.jsonl\"")
                .contentType("application/jsonl; charset=utf-8").result(body.toByteArray());
    }
}
