package org.convene.store;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.convene.audit.AuditEntry;
import org.convene.audit.Checkpoint;
import org.convene.audit.Observation;
import org.convene.audit.Position;
import org.convene.audit.Seal;
import org.convene.audit.port.AuditChains;

/**
 * The audit chains on Redis: each chain's records and seals in the slot of what they are about (see lua/audit), the
 * sealer's lease, the chains it has sealed, the chains touched since it last looked and the signed checkpoints in
 * {@code convene:{audit}}.
 */
final class AuditStore implements AuditChains {
    private static final Script SEAL = Script.load("audit", "seal").durable();
    private static final Script LEASE = Script.load("audit", "lease");
    private static final Script SALT = Script.load("users", "salt").durable();
    private static final Script NOTE = Script.load("audit", "note").durable();
    private static final Script TRIM = Script.load("audit", "trim");
    private static final String KNOWN = Keys.AUDIT + ":chains";
    private static final String TOUCHED = Keys.AUDIT + ":touched";
    private static final String CHECKPOINTS = Keys.AUDIT + ":checkpoints";
    /** Every chain's records by time (ms): members {@code <chain>#<seq>}, written by the sealer. */
    private static final String INDEX = Keys.AUDIT + ":index";

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final RedisCalls calls;

    AuditStore(RedisCalls calls) {
        this.calls = calls;
    }

    /** seal's answer: whether the seals went in (false: the chain's head had moved). */
    private record SealReply(boolean added) {
        static SealReply of(Reply reply) {
            if ("MOVED".equals(reply.status())) return new SealReply(false);
            reply.ok();
            return new SealReply(true);
        }
    }

    /** note's answer: whether the observation was recorded (not within the time of one like it). */
    private record NoteReply(boolean recorded) {
        static NoteReply of(Reply reply) {
            return new NoteReply(reply.ok().number(1) == 1);
        }
    }

    /** salt's answer: the person's salt, none if not made (and not asked to) or erased. */
    private record SaltReply(Optional<String> salt) {
        static SaltReply of(Reply reply) {
            return new SaltReply(reply.isOk() ? Optional.of(reply.text(1)) : Optional.empty());
        }
    }

    /** trim's answer: the last record taken away (0: none). */
    private record TrimReply(long through) {
        static TrimReply of(Reply reply) {
            return new TrimReply(reply.ok().number(1));
        }
    }

    /** lease's answer: whether this node holds the lease now. */
    private record LeaseReply(boolean held) {
        static LeaseReply of(Reply reply) {
            return new LeaseReply(reply.ok().number(1) == 1);
        }
    }

    @Override
    public Set<String> chains() {
        Set<String> all = new HashSet<>(calls.await(calls.commands.smembers(KNOWN).toCompletableFuture()));
        all.add("users");
        all.add("hooks");
        for (String id : calls.await(calls.commands.zrange(Keys.MEETINGS, 0, -1).toCompletableFuture())) all.add("meeting:" + id);
        return all;
    }

    @Override
    public Set<String> touched() {
        List<String> taken = calls.await(calls.commands.spop(TOUCHED, 1_000).toCompletableFuture()
                .thenApply(ArrayList::new));
        return new HashSet<>(taken);
    }

    @Override
    public Optional<Seal> head(String chain) {
        List<StreamMessage<String, String>> last = calls.await(calls.commands.xrevrange(Keys.chain(chain) + ":audit:seals",
                Range.create("-", "+"), Limit.create(0, 1)).toCompletableFuture());
        return last.isEmpty() ? Optional.empty() : Optional.of(seal(chain, last.get(0)));
    }

    @Override
    public List<AuditEntry> after(String chain, long afterSeq, int limit) {
        return withPersonal(chain, calls.await(calls.commands.xrange(Keys.chain(chain) + ":audit",
                Range.create((afterSeq + 1) + "-0", "+"), Limit.create(0, limit)).toCompletableFuture()));
    }

    /** The chain's records with the personal fields each lists, read from beside the stream (absent: erased). */
    private List<AuditEntry> withPersonal(String chain, List<StreamMessage<String, String>> messages) {
        return withPersonal(chain, messages, calls.await(personalOf(chain, messages)));
    }

    /**
     * Sends the read of the personal fields {@code messages} list (not awaited, so that the reads of several records
     * go in one round trip): {@code <seq>/p.<x>} to the value held.
     */
    private java.util.concurrent.CompletableFuture<Map<String, String>> personalOf(String chain,
                                                                                  List<StreamMessage<String, String>> messages) {
        List<String> wanted = new ArrayList<>();
        for (StreamMessage<String, String> m : messages) {
            String personal = m.getBody().get("personal");
            if (personal == null || personal.isEmpty()) continue;
            for (String name : personal.split(",")) wanted.add(Replies.streamNumber(m.getId()) + "/" + name);
        }
        if (wanted.isEmpty()) return java.util.concurrent.CompletableFuture.completedFuture(Map.of());
        return calls.commands.hmget(Keys.chain(chain) + ":audit:personal", wanted.toArray(String[]::new)).toCompletableFuture()
                .thenApply(values -> {
                    Map<String, String> held = new java.util.HashMap<>();
                    for (var kv : values) if (kv.hasValue()) held.put(kv.getKey(), kv.getValue());
                    return held;
                });
    }

    private static List<AuditEntry> withPersonal(String chain, List<StreamMessage<String, String>> messages,
                                                 Map<String, String> held) {
        List<AuditEntry> entries = new ArrayList<>();
        for (StreamMessage<String, String> m : messages) {
            long seq = Replies.streamNumber(m.getId());
            Map<String, String> fields = new java.util.HashMap<>(m.getBody());
            String personal = m.getBody().get("personal");
            if (personal != null && !personal.isEmpty()) {
                for (String name : personal.split(",")) {
                    String value = held.get(seq + "/" + name);
                    if (value != null) fields.put(name, value);
                }
            }
            entries.add(new AuditEntry(chain, seq, fields));
        }
        return entries;
    }

    @Override
    public boolean seal(String chain, long afterSeq, List<Seal> seals) {
        List<String> args = new ArrayList<>(List.of(Long.toString(afterSeq)));
        for (Seal s : seals) {
            StringBuilder digests = new StringBuilder();
            s.digests().forEach((name, d) -> digests.append(digests.length() == 0 ? "" : ",").append(name).append('=').append(d));
            args.addAll(List.of(Long.toString(s.seq()), s.prev(), s.hash(), digests.toString()));
        }
        boolean added = SealReply.of(calls.await(calls.inSlotOf(Keys.chain(chain), SEAL, args.toArray(String[]::new)))).added();
        if (added && afterSeq == 0) calls.await(calls.commands.sadd(KNOWN, chain).toCompletableFuture());
        return added;
    }

    @Override
    public void index(List<AuditEntry> entries) {
        List<io.lettuce.core.ScoredValue<String>> members = entries.stream().map(e -> io.lettuce.core.ScoredValue.just(
                Double.parseDouble(e.fields().getOrDefault("at", "0")), e.chain() + "#" + e.seq())).toList();
        if (!members.isEmpty()) {
            calls.await(calls.commands.zadd(INDEX, members.toArray(io.lettuce.core.ScoredValue[]::new)).toCompletableFuture());
        }
        List<java.util.concurrent.CompletableFuture<Long>> naming = new ArrayList<>();
        for (AuditEntry e : entries) {
            double at = Double.parseDouble(e.fields().getOrDefault("at", "0"));
            for (long user : named(e)) {
                naming.add(calls.commands.zadd(Keys.USERS + ":user:" + user + ":audit", at, e.chain() + "#" + e.seq()).toCompletableFuture());
            }
        }
        calls.awaitAll(naming.toArray(java.util.concurrent.CompletableFuture[]::new));
    }

    @Override
    public List<AuditEntry> indexedAfter(Position position, int limit) {
        double at = position.at().toEpochMilli();
        List<String> members = new ArrayList<>();
        if (position.record() != null) {
            // Those of the same millisecond after the record (the index orders them by member), then the older ones.
            for (String m : calls.await(calls.commands.zrevrangebyscore(INDEX, Range.create(at, at)).toCompletableFuture())) {
                if (m.compareTo(position.record()) < 0 && members.size() < limit) members.add(m);
            }
        }
        if (members.size() < limit) {
            members.addAll(calls.await(calls.commands.zrevrangebyscore(INDEX,
                    Range.from(Range.Boundary.unbounded(), Range.Boundary.excluding(at)),
                    Limit.create(0, limit - members.size())).toCompletableFuture()));
        }
        return records(members);
    }

    @Override
    public List<AuditEntry> naming(long userId) {
        return records(calls.await(calls.commands.zrange(Keys.USERS + ":user:" + userId + ":audit", 0, -1).toCompletableFuture()));
    }

    /** The records named {@code <chain>#<seq>}, in that order; those trimmed since are left out. */
    private List<AuditEntry> records(List<String> members) {
        List<java.util.concurrent.CompletableFuture<List<StreamMessage<String, String>>>> reads = new ArrayList<>();
        for (String member : members) {
            int hash = member.lastIndexOf('#');
            String id = member.substring(hash + 1) + "-0";
            reads.add(calls.commands.xrange(Keys.chain(member.substring(0, hash)) + ":audit", Range.create(id, id))
                    .toCompletableFuture());
        }
        calls.awaitAll(reads.toArray(java.util.concurrent.CompletableFuture[]::new));
        // The personal fields of every record in one more round trip, not one a record.
        List<java.util.concurrent.CompletableFuture<Map<String, String>>> personal = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            personal.add(personalOf(members.get(i).substring(0, members.get(i).lastIndexOf('#')), reads.get(i).join()));
        }
        calls.awaitAll(personal.toArray(java.util.concurrent.CompletableFuture[]::new));
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            List<StreamMessage<String, String>> found = reads.get(i).join();
            if (found.isEmpty()) continue; // trimmed since
            String member = members.get(i);
            entries.addAll(withPersonal(member.substring(0, member.lastIndexOf('#')), found, personal.get(i).join()));
        }
        return entries;
    }

    @Override
    public List<Seal> seals(String chain, long fromSeq, long toSeq) {
        return calls.await(calls.commands.xrange(Keys.chain(chain) + ":audit:seals",
                Range.create(fromSeq + "-0", toSeq + "-0")).toCompletableFuture()).stream().map(m -> seal(chain, m)).toList();
    }

    private static Seal seal(String chain, StreamMessage<String, String> m) {
        Map<String, String> digests = new LinkedHashMap<>();
        String listed = m.getBody().get("digests");
        if (listed != null && !listed.isEmpty()) {
            for (String pair : listed.split(",")) digests.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return new Seal(chain, Replies.streamNumber(m.getId()), m.getBody().get("prev"), m.getBody().get("hash"), digests);
    }

    @Override
    public boolean addCheckpoint(Checkpoint c) {
        StringBuilder heads = new StringBuilder();
        c.heads().forEach((chain, h) -> heads.append(chain).append('=').append(h.seq()).append(':').append(h.hash()).append('\n'));
        Map<String, String> body = new LinkedHashMap<>();
        body.put("at", Long.toString(c.at().toEpochMilli()));
        body.put("heads", heads.toString());
        body.put("keyId", c.keyId());
        body.put("signature", c.signature());
        try {
            calls.await(calls.commands.xadd(CHECKPOINTS, new io.lettuce.core.XAddArgs().id(c.n() + "-0"), body).toCompletableFuture());
            return true;
        } catch (RuntimeException taken) {
            return false; // another node signed checkpoint n first
        }
    }

    @Override
    public Optional<Checkpoint> latestCheckpoint() {
        List<StreamMessage<String, String>> last = calls.await(calls.commands.xrevrange(CHECKPOINTS, Range.create("-", "+"),
                Limit.create(0, 1)).toCompletableFuture());
        return last.isEmpty() ? Optional.empty() : Optional.of(checkpoint(last.get(0)));
    }

    @Override
    public List<Checkpoint> checkpoints(Instant from, Instant to) {
        return calls.await(calls.commands.xrange(CHECKPOINTS, Range.create("-", "+")).toCompletableFuture()).stream()
                .map(AuditStore::checkpoint).filter(c -> !c.at().isBefore(from) && !c.at().isAfter(to)).toList();
    }

    private static Checkpoint checkpoint(StreamMessage<String, String> m) {
        Map<String, Checkpoint.Head> heads = new LinkedHashMap<>();
        for (String line : m.getBody().get("heads").split("\n")) {
            if (line.isEmpty()) continue;
            int eq = line.indexOf('=');
            int colon = line.lastIndexOf(':');
            heads.put(line.substring(0, eq), new Checkpoint.Head(Long.parseLong(line.substring(eq + 1, colon)),
                    line.substring(colon + 1)));
        }
        return new Checkpoint(Replies.streamNumber(m.getId()), Instant.ofEpochMilli(Long.parseLong(m.getBody().get("at"))),
                heads, m.getBody().get("keyId"), m.getBody().get("signature"));
    }

    /** The users a record names: its actor, its target and its subject. */
    private static Set<Long> named(AuditEntry e) {
        Set<Long> users = new HashSet<>();
        if ("user".equals(e.fields().get("actorKind"))) users.add(Long.parseLong(e.fields().get("actorId")));
        String target = e.fields().getOrDefault("target", "");
        if (target.matches("user:\\d+")) users.add(Long.parseLong(target.substring(5)));
        e.subject().ifPresent(users::add);
        return users;
    }

    @Override
    public Optional<String> salt(long userId, boolean make) {
        String fresh = "";
        if (make) {
            byte[] bytes = new byte[16];
            RANDOM.nextBytes(bytes);
            fresh = java.util.HexFormat.of().formatHex(bytes);
        }
        return SaltReply.of(calls.await(calls.inUsers(SALT, Long.toString(userId), fresh))).salt();
    }

    @Override
    public void forget(String chain, long seq, List<String> names) {
        if (names.isEmpty()) return;
        calls.await(calls.commands.hdel(Keys.chain(chain) + ":audit:personal",
                names.stream().map(name -> seq + "/" + name).toArray(String[]::new)).toCompletableFuture());
    }

    @Override
    public boolean note(Observation o, String once, java.time.Duration within) {
        List<String> args = new ArrayList<>(List.of(o.action(), o.outcome(), o.actorKind(), Long.toString(o.actorId()),
                o.actorRole(), o.target(), Long.toString(o.at().toEpochMilli()), o.requestId(), once,
                Long.toString(Math.max(1, within.toMillis()))));
        o.details().forEach((name, value) -> args.addAll(List.of(name, value)));
        boolean recorded = NoteReply.of(calls.await(calls.inSlotOf(Keys.chain(o.chain()), NOTE, args.toArray(String[]::new))))
                .recorded();
        if (recorded) calls.await(calls.commands.sadd(TOUCHED, o.chain()).toCompletableFuture());
        return recorded;
    }

    @Override
    public long trim(String chain, Instant cutoff, long sealedThrough, Instant now, long retentionDays) {
        long through = TrimReply.of(calls.await(calls.inSlotOf(Keys.chain(chain), TRIM, chain,
                Long.toString(cutoff.toEpochMilli()), Long.toString(sealedThrough), Long.toString(now.toEpochMilli()),
                Long.toString(retentionDays)))).through();
        if (through > 0) calls.await(calls.commands.sadd(TOUCHED, chain).toCompletableFuture());
        return through;
    }

    @Override
    public void trimIndex(Instant cutoff) {
        calls.await(calls.commands.zremrangebyscore(INDEX, Range.from(Range.Boundary.unbounded(),
                Range.Boundary.excluding((double) cutoff.toEpochMilli()))).toCompletableFuture());
        List<StreamMessage<String, String>> old = calls.await(calls.commands.xrange(CHECKPOINTS, Range.create("-", "+"),
                Limit.create(0, 10_000)).toCompletableFuture());
        String keepFrom = null;
        for (StreamMessage<String, String> m : old) {
            if (Long.parseLong(m.getBody().get("at")) >= cutoff.toEpochMilli()) {
                keepFrom = m.getId();
                break;
            }
        }
        // The latest checkpoint always stays: the next is numbered after it.
        if (keepFrom == null && !old.isEmpty()) keepFrom = old.get(old.size() - 1).getId();
        if (keepFrom != null) {
            calls.await(calls.commands.xtrim(CHECKPOINTS, new io.lettuce.core.XTrimArgs().minId(keepFrom)).toCompletableFuture());
        }
    }

    @Override
    public boolean lease(String holder, long millis) {
        return LeaseReply.of(calls.await(calls.inSlotOf(Keys.AUDIT, LEASE, holder, Long.toString(millis)))).held();
    }
}
