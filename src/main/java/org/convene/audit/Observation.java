package org.convene.audit;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an audit record notes when nothing changed: a refused attempt ({@code outcome} refused) or a read of someone
 * else's data (ok). {@code actorKind} is root or user; {@code target} what was tried or read.
 */
public record Observation(String chain, String action, String outcome, String actorKind, long actorId, String actorRole,
                          String target, Instant at, String requestId, Map<String, String> details) {
    public Observation {
        if (chain == null || !chain.matches("users|hooks|meeting:\\d+")) throw new IllegalArgumentException("chain: was " + chain);
        if (action == null || !action.matches("[a-z_]+")) throw new IllegalArgumentException("action: was " + action);
        if (!"ok".equals(outcome) && !"refused".equals(outcome)) throw new IllegalArgumentException("outcome: was " + outcome);
        requestId = requestId == null ? "" : requestId;
        details = new TreeMap<>(details == null ? Map.of() : details);
        if (details.keySet().stream().anyMatch(k -> k.startsWith("p.") || k.equals("personal"))) {
            throw new IllegalArgumentException("details: an observation carries no personal fields");
        }
    }
}
