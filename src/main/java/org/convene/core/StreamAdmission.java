package org.convene.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rechecks open live streams against the access rules, all at once: a stream whose token no longer
 * works (rotated, or its user deleted) is refused; one that follows instances its caller may no
 * longer see inside (removed from the audience) is told which it may still see, by {@link Access}.
 * The lookups bypass the token cache and are batched, so a recheck of every stream costs two round trips.
 */
public final class StreamAdmission {
    private final Tokens tokens;
    private final Access access;

    public StreamAdmission(Tokens tokens, Access access) {
        this.tokens = tokens;
        this.access = access;
    }

    /** An open stream: the token it was opened with, and the instances whose activity it follows. */
    public record Stream(String token, Set<Long> instances) {}

    /** For each stream, in order: the instances it may still follow, or empty if it may not stay open at all. */
    public List<Optional<Set<Long>>> recheck(List<Stream> streams) {
        Set<String> distinct = new LinkedHashSet<>();
        streams.forEach(s -> distinct.add(s.token()));
        Map<String, Caller> callers = tokens.authenticateAfresh(distinct);
        Map<Caller, Set<Long>> asked = new HashMap<>();
        for (Stream s : streams) {
            Caller caller = callers.get(s.token());
            if (caller != null) asked.computeIfAbsent(caller, c -> new HashSet<>()).addAll(s.instances());
        }
        Map<Caller, Set<Long>> seen = access.seesInside(asked);
        List<Optional<Set<Long>>> verdicts = new ArrayList<>(streams.size());
        for (Stream s : streams) {
            Caller caller = callers.get(s.token());
            verdicts.add(caller == null ? Optional.empty() : Optional.of(seen.get(caller)));
        }
        return verdicts;
    }
}
