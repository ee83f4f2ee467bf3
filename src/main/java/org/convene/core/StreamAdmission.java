package org.convene.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.convene.core.port.Audiences;

/**
 * Rechecks open live streams against the access rules, all at once: a stream whose token no longer
 * works (rotated, or its user deleted) is refused; one that follows instances its caller may no
 * longer see inside (removed from the audience) is told which it may still see. The lookups bypass
 * the token cache and are batched, so a recheck of every stream costs two round trips.
 */
public final class StreamAdmission {
    private final Tokens tokens;
    private final Audiences audiences;

    public StreamAdmission(Tokens tokens, Audiences audiences) {
        this.tokens = tokens;
        this.audiences = audiences;
    }

    /** An open stream: the token it was opened with, and the instances whose activity it follows. */
    public record Stream(String token, Set<Long> instances) {}

    /** For each stream, in order: the instances it may still follow, or empty if it may not stay open at all. */
    public List<Optional<Set<Long>>> recheck(List<Stream> streams) {
        Set<String> distinct = new LinkedHashSet<>();
        streams.forEach(s -> distinct.add(s.token()));
        Map<String, Caller> callers = tokens.authenticateAfresh(distinct);
        Set<Audiences.Question> questions = new HashSet<>();
        for (Stream s : streams) {
            Caller caller = callers.get(s.token());
            if (caller == null || caller.admin()) continue;
            for (long instance : s.instances()) questions.add(new Audiences.Question(instance, caller.email()));
        }
        Map<Audiences.Question, Boolean> open = questions.isEmpty() ? Map.of() : audiences.openTo(questions);
        List<Optional<Set<Long>>> verdicts = new ArrayList<>(streams.size());
        for (Stream s : streams) {
            Caller caller = callers.get(s.token());
            if (caller == null) {
                verdicts.add(Optional.empty());
                continue;
            }
            Set<Long> visible = new HashSet<>();
            for (long instance : s.instances()) {
                if (caller.admin() || open.getOrDefault(new Audiences.Question(instance, caller.email()), false)) {
                    visible.add(instance);
                }
            }
            verdicts.add(Optional.of(visible));
        }
        return verdicts;
    }
}
