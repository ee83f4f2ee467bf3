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
    private static final String KNOWN = Keys.AUDIT + ":chains";
    private static final String TOUCHED = Keys.AUDIT + ":touched";
    private static final String CHECKPOINTS = Keys.AUDIT + ":checkpoints";
    /** Every chain's records by time (ms): members {@code <chain>#<seq>}, written by the sealer. */
    private static final String INDEX = Keys.AUDIT + ":index";

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
        return calls.await(calls.commands.xrange(Keys.chain(chain) + ":audit", Range.create((afterSeq + 1) + "-0", "+"),
                Limit.create(0, limit)).toCompletableFuture()).stream()
                .map(m -> new AuditEntry(chain, Replies.streamNumber(m.getId()), m.getBody())).toList();
    }

    @Override
    public boolean seal(String chain, long afterSeq, List<Seal> seals) {
        List<String> args = new ArrayList<>(List.of(Long.toString(afterSeq)));
        for (Seal s : seals) args.addAll(List.of(Long.toString(s.seq()), s.prev(), s.hash()));
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
    }

    @Override
    public List<AuditEntry> indexedBefore(Instant before, int limit) {
        List<String> members = calls.await(calls.commands.zrevrangebyscore(INDEX,
                Range.from(Range.Boundary.unbounded(), Range.Boundary.excluding((double) before.toEpochMilli())),
                Limit.create(0, limit)).toCompletableFuture());
        List<java.util.concurrent.CompletableFuture<List<StreamMessage<String, String>>>> reads = new ArrayList<>();
        for (String member : members) {
            int hash = member.lastIndexOf('#');
            String id = member.substring(hash + 1) + "-0";
            reads.add(calls.commands.xrange(Keys.chain(member.substring(0, hash)) + ":audit", Range.create(id, id))
                    .toCompletableFuture());
        }
        calls.awaitAll(reads.toArray(java.util.concurrent.CompletableFuture[]::new));
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            List<StreamMessage<String, String>> found = reads.get(i).join();
            if (found.isEmpty()) continue; // trimmed since
            String member = members.get(i);
            entries.add(new AuditEntry(member.substring(0, member.lastIndexOf('#')), Replies.streamNumber(found.get(0).getId()),
                    found.get(0).getBody()));
        }
        return entries;
    }

    @Override
    public List<Seal> seals(String chain, long fromSeq, long toSeq) {
        return calls.await(calls.commands.xrange(Keys.chain(chain) + ":audit:seals",
                Range.create(fromSeq + "-0", toSeq + "-0")).toCompletableFuture()).stream().map(m -> seal(chain, m)).toList();
    }

    private static Seal seal(String chain, StreamMessage<String, String> m) {
        return new Seal(chain, Replies.streamNumber(m.getId()), m.getBody().get("prev"), m.getBody().get("hash"));
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

    @Override
    public boolean lease(String holder, long millis) {
        return LeaseReply.of(calls.await(calls.inSlotOf(Keys.AUDIT, LEASE, holder, Long.toString(millis)))).held();
    }
}
