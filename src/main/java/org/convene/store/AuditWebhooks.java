package org.convene.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.convene.audit.AuditEntry;
import org.convene.audit.Checkpoint;
import org.convene.audit.Seal;
import org.convene.audit.port.AuditWitness;

/**
 * The audit trail's witness on webhooks: each sealed record and each signed checkpoint becomes a message
 * ({@code audit.record_sealed}, {@code audit.checkpoint_signed}) for the endpoints that name its type, queued through
 * the same script as a meeting's events (lua/hooks/enqueue.lua) on the lane of no instance, in order. Its id is the
 * record's or checkpoint's own, so telling twice queues once. Nothing is read or written while no endpoint exists.
 */
final class AuditWebhooks implements AuditWitness {
    private static final Script ENQUEUE = Script.load("hooks", "enqueue");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedisCalls calls;
    private final Duration keep;

    AuditWebhooks(RedisCalls calls, Duration keep) {
        this.calls = calls;
        this.keep = keep;
    }

    @Override
    public void sealed(List<AuditEntry> entries, List<Seal> seals, Instant at) {
        if (!calls.webhooksExist() || seals.isEmpty()) return;
        List<String> args = new ArrayList<>(List.of(RedisCalls.ms(at), Long.toString(keep.toMillis())));
        for (int i = 0; i < seals.size() && i < entries.size(); i++) {
            Seal s = seals.get(i);
            AuditEntry e = entries.get(i);
            ObjectNode root = JSON.createObjectNode().put("type", "audit.record_sealed").put("timestamp", at.toString());
            ObjectNode data = root.putObject("data").put("chain", s.chain()).put("seq", s.seq()).put("prev", s.prev())
                    .put("hash", s.hash());
            data.put("action", e.fields().get("action")).put("outcome", e.fields().get("outcome"))
                    .put("at", Instant.ofEpochMilli(Long.parseLong(e.fields().getOrDefault("at", "0"))).toString());
            args.addAll(List.of("audit_" + s.chain() + "_" + s.seq(), "audit.record_sealed", "0", "0", write(root)));
        }
        calls.await(calls.inHooks(ENQUEUE, args.toArray(String[]::new))).ok();
    }

    @Override
    public void signed(Checkpoint c) {
        if (!calls.webhooksExist()) return;
        ObjectNode root = JSON.createObjectNode().put("type", "audit.checkpoint_signed").put("timestamp", c.at().toString());
        ObjectNode data = root.putObject("data").put("n", c.n()).put("at", c.at().toString());
        ObjectNode heads = data.putObject("heads");
        c.heads().forEach((chain, h) -> heads.putObject(chain).put("seq", h.seq()).put("hash", h.hash()));
        data.put("keyId", c.keyId()).put("signature", c.signature());
        calls.await(calls.inHooks(ENQUEUE, RedisCalls.ms(c.at()), Long.toString(keep.toMillis()), "checkpoint_" + c.n(),
                "audit.checkpoint_signed", "0", "0", write(root))).ok();
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always writes", e);
        }
    }
}
