package org.convene.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.convene.audit.AuditTrail;
import org.convene.audit.Checkpoint;
import org.convene.view.AuditLines;

/**
 * {@code /audit}: the sealed audit trail, for administrators: the latest signed checkpoint with the public key that
 * checks it, and an export as JSON Lines that {@code convene audit verify} checks offline.
 */
final class AuditRoutes {
    private final AuditTrail trail;

    AuditRoutes(AuditTrail trail) {
        this.trail = trail;
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
        routes.get("/audit", Role.ADMIN, this::search);
    }

    private static final java.util.Set<String> COMMON = java.util.Set.of("at", "action", "outcome", "actorKind", "actorId",
            "actorRole", "target", "before", "after", "requestId");

    /** A record of the whole trail as the API shows it, with the chain it is in. */
    record RecordView(String chain, long seq, Instant at, String action, String outcome, Map<String, Object> actor,
                      String target, String before, String after, String requestId, Map<String, String> details) {
        static RecordView of(org.convene.audit.AuditEntry e) {
            Map<String, String> f = e.fields();
            Map<String, Object> actor = new java.util.LinkedHashMap<>();
            actor.put("kind", f.get("actorKind"));
            if ("user".equals(f.get("actorKind"))) actor.put("id", Long.parseLong(f.get("actorId")));
            actor.put("role", f.get("actorRole"));
            Map<String, String> details = new java.util.TreeMap<>();
            f.forEach((k, v) -> { if (!COMMON.contains(k)) details.put(k, v); });
            return new RecordView(e.chain(), e.seq(), Instant.ofEpochMilli(Long.parseLong(f.getOrDefault("at", "0"))),
                    f.get("action"), f.get("outcome"), actor, f.get("target"), f.get("before"), f.get("after"),
                    f.getOrDefault("requestId", "").isEmpty() ? null : f.get("requestId"), details);
        }
    }

    /** The whole trail, newest first, filtered by chain, action, actor (root or user:<id>), target and time. */
    private void search(Context ctx) {
        String actor = ctx.queryParam("actor");
        if (actor != null && !actor.matches("root|user:\\d+")) {
            throw HttpProblem.badRequest("'actor' must be root or user:<id>, was '" + actor + "'");
        }
        String chain = ctx.queryParam("chain");
        if (chain != null && !chain.matches("users|meeting:\\d+")) {
            throw HttpProblem.badRequest("'chain' must be users or meeting:<id>, was '" + chain + "'");
        }
        Instant from = ctx.queryParam("from") == null ? null : Bodies.time("from", ctx.queryParam("from"));
        Instant to = ctx.queryParam("to") == null ? null : Bodies.time("to", ctx.queryParam("to"));
        Instant before = ctx.queryParam("before") == null ? Instant.now().plusSeconds(1) : Bodies.time("before", ctx.queryParam("before"));
        var filter = new AuditTrail.Filter(chain, ctx.queryParam("action"), actor, ctx.queryParam("target"), from, to);
        ctx.json(trail.search(filter, before, Params.limit(ctx)).stream().map(RecordView::of).toList());
    }

    private void export(Context ctx) {
        Instant from = ctx.queryParam("from") == null ? Instant.EPOCH : Bodies.time("from", ctx.queryParam("from"));
        Instant to = ctx.queryParam("to") == null ? Instant.now() : Bodies.time("to", ctx.queryParam("to"));
        if (to.isBefore(from)) throw HttpProblem.badRequest("'to' must not be before 'from'");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        trail.export(from, to, line -> body.writeBytes((AuditLines.write(line) + "\n").getBytes(StandardCharsets.UTF_8)));
        ctx.header("Content-Disposition", "attachment; filename=\"convene-audit.jsonl\"")
                .contentType("application/jsonl; charset=utf-8").result(body.toByteArray());
    }
}
