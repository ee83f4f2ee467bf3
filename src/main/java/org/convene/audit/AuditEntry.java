package org.convene.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * One audit record as its chain stores it: the chain ({@code users}, {@code hooks}, {@code meeting:<id>}), its gap-free
 * number and its fields as written (at, action, outcome, actorKind, actorId, actorRole, target, before, after, requestId,
 * and what the action adds), kept in name order so that its canonical form is one. Personal fields ({@code p.<x>},
 * listed in {@code personal}; about the user {@code subject}) are absent once that person is erased.
 */
public record AuditEntry(String chain, long seq, Map<String, String> fields) {
    public AuditEntry {
        if (chain == null || !chain.matches("users|hooks|meeting:\\d+")) throw new IllegalArgumentException("chain: was " + chain);
        if (seq < 1) throw new IllegalArgumentException("seq: must be 1 or more, was " + seq);
        fields = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(fields));
        for (String name : fields.keySet()) {
            if (name.startsWith("p.") && !personalNames(fields).contains(name)) {
                throw new IllegalArgumentException("fields: " + name + " is personal but not listed in 'personal'");
            }
        }
    }

    /** The names of the record's personal fields, held or erased. */
    public List<String> personal() {
        return personalNames(fields);
    }

    /** The person the record's personal fields are about, if it has any. */
    public OptionalLong subject() {
        String subject = fields.get("subject");
        return subject == null || subject.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(subject));
    }

    /** Whether its personal fields were erased (listed, but their values gone). */
    public boolean erased() {
        return personal().stream().anyMatch(name -> !fields.containsKey(name));
    }

    private static List<String> personalNames(Map<String, String> fields) {
        String listed = fields.get("personal");
        return listed == null || listed.isEmpty() ? List.of() : Arrays.asList(listed.split(","));
    }
}
