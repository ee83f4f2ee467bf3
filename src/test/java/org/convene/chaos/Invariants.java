package org.convene.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convene.core.Convene;
import org.convene.model.AuditRecord;
import org.convene.model.Ban;
import org.convene.model.ChatMessage;
import org.convene.model.Event;
import org.convene.model.EventType;
import org.convene.model.FeedKind;
import org.convene.model.InstanceActivity;
import org.convene.model.LifecycleChange;
import org.convene.model.StreamPosition;
import org.convene.store.RedisStore;

/**
 * The checks at the end of a fault run, against the final state of Redis and the streams received:
 * joins and leaves alternate per person and instance and nobody remains in an ended instance (so each
 * person inside at an end got exactly one timeout); chat numbers gap-free and no post applied twice;
 * every acknowledged post present with its number and text, every acknowledged join in the events log
 * (a missing one is counted as lost, not as a violation: Redis Cluster does not promise it without WAIT);
 * each instance activated and ended exactly once; each followed stream in order, without gaps or repeats;
 * and what hosts did (removals, bans, deleted messages) present exactly where its audit record is.
 */
final class Invariants {
    private final Convene convene;
    private final RedisStore store;
    final List<String> violations = new ArrayList<>();
    long lostPosts;
    /** Acknowledged posts a host deleted since (each with its audit record). */
    long deletedPosts;
    long removalsChecked;
    long bannedLeaves;
    long auditRecords;
    long lostJoins;
    long checkedPosts;
    long streamEvents;
    /** Events a stream delivered that the store no longer has: written on a primary that lost them in a failover. */
    long lostEvents;

    /** Audit records verified at the end, sealed by the nodes through the faults (and a last seal after them). */
    long auditVerified;
    long auditCheckpoints;

    /**
     * After every fault, every sealed chain verifies: seals what the nodes left unsealed, then verifies an export of the
     * whole trail with the nodes' key, as a witness would (a chain forked by two sealers, a record lost under its seal,
     * a rollback behind a signed checkpoint would each break it).
     */
    void auditTrail(org.convene.audit.SealKey key, java.time.Clock clock) {
        org.convene.audit.AuditTrail trail = new org.convene.audit.AuditTrail(store.audit(), key);
        org.convene.audit.AuditSealer sealer = trail.sealer(clock, java.time.Duration.ofSeconds(2));
        // The nodes' sealers hold the lease while they run: wait for it to lapse or for them to have sealed everything.
        long until = System.nanoTime() + 20_000_000_000L;
        while (sealer.tick().sealed() == 0 && System.nanoTime() < until && !sealedUp(trail)) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        org.convene.audit.AuditVerifier.Verdict v = trail.verify(clock.instant().plusSeconds(1));
        auditVerified = v.records();
        auditCheckpoints = v.checkpoints();
        if (!v.intact()) violate("the audit trail: " + v.problem());
    }

    /** Whether every chain's records are all sealed. */
    private boolean sealedUp(org.convene.audit.AuditTrail trail) {
        org.convene.audit.AuditVerifier.Verdict v = trail.verify(java.time.Instant.now().plusSeconds(1));
        long written = 0;
        for (String chain : store.audit().chains()) written += store.audit().after(chain, 0, 1_000_000).size();
        return v.records() == written;
    }

    Invariants(Convene convene, RedisStore store) {
        this.convene = convene;
        this.store = store;
    }

    /** Checks one ended instance: its events log, chat, acknowledged writes and transitions. */
    void instance(long instance, Ledger ledger, boolean scheduled) {
        List<Event> events = new ArrayList<>();
        for (List<Event> page = convene.eventsOfInstance(instance, 0, 1_000); !page.isEmpty();
             page = convene.eventsOfInstance(instance, page.get(page.size() - 1).id(), 1_000)) events.addAll(page);
        Map<Long, EventType> last = new HashMap<>();
        Map<Long, Integer> joins = new HashMap<>();
        for (Event e : events) {
            boolean join = e.type() == EventType.JOIN_MEETING;
            if (join == (last.get(e.userId()) == EventType.JOIN_MEETING)) {
                violate("instance " + instance + " user " + e.userId() + ": " + last.get(e.userId()) + " then " + e.type());
            }
            last.put(e.userId(), e.type());
            if (join) joins.merge(e.userId(), 1, Integer::sum);
        }
        last.forEach((user, type) -> {
            if (type == EventType.JOIN_MEETING) violate("instance " + instance + " user " + user + " is still inside after the end");
        });
        if (!convene.participants(instance).isEmpty()) violate("instance " + instance + " has participants after its end");

        List<ChatMessage> chat = new ArrayList<>();
        for (List<ChatMessage> page = convene.chat(instance, 0, 1_000); !page.isEmpty();
             page = convene.chat(instance, page.get(page.size() - 1).id(), 1_000)) chat.addAll(page);
        // A host's deletion leaves a gap, and its audit record: numbers are gap-free counting the recorded deletions.
        Set<Long> deleted = deletedMessages(instance);
        Map<String, Long> numbers = new HashMap<>();
        long expected = 1;
        for (ChatMessage m : chat) {
            while (deleted.contains(expected)) expected++;
            if (deleted.contains(m.id())) violate("instance " + instance + ": message " + m.id() + " is recorded deleted but readable");
            if (m.id() != expected) {
                violate("instance " + instance + ": message " + expected + " is numbered " + m.id());
                break;
            }
            expected++;
            if (numbers.put(m.text(), m.id()) != null) violate("instance " + instance + ": '" + m.text() + "' was posted twice");
        }
        for (Ledger.Post p : ledger.posts.values()) {
            if (p.instanceId() != instance) continue;
            checkedPosts++;
            Long number = numbers.get(p.text());
            if (number == null && deleted.contains(p.number())) deletedPosts++;
            else if (number == null) lostPosts++;
            else if (number != p.number()) violate("instance " + instance + ": '" + p.text() + "' acknowledged as " + p.number()
                    + " but stored as " + number);
        }
        for (var acked : ledger.joins.entrySet()) {
            String[] parts = acked.getKey().split(":");
            if (Long.parseLong(parts[1]) != instance) continue;
            lostJoins += Math.max(0, acked.getValue() - joins.getOrDefault(Long.parseLong(parts[0]), 0));
        }

        Map<FeedKind, Integer> transitions = new HashMap<>();
        for (InstanceActivity a : activity(instance)) {
            if (a.kind() == FeedKind.ACTIVATED || a.kind() == FeedKind.ENDED) transitions.merge(a.kind(), 1, Integer::sum);
        }
        if (transitions.getOrDefault(FeedKind.ENDED, 0) != 1) {
            violate("instance " + instance + " ended " + transitions.getOrDefault(FeedKind.ENDED, 0) + " times");
        }
        if (scheduled && transitions.getOrDefault(FeedKind.ACTIVATED, 0) != 1) {
            violate("instance " + instance + " activated " + transitions.getOrDefault(FeedKind.ACTIVATED, 0) + " times");
        }
    }

    /** The numbers of the instance's messages its meeting's audit trail records as deleted. */
    private Set<Long> deletedMessages(long instance) {
        Set<Long> deleted = new HashSet<>();
        String prefix = "message:" + instance + "/";
        for (AuditRecord r : audit(convene.instance(instance).meetingId())) {
            if (r.action().equals("message_deleted") && r.target().startsWith(prefix)) {
                deleted.add(Long.parseLong(r.target().substring(prefix.length())));
            }
        }
        return deleted;
    }

    private List<AuditRecord> audit(long meeting) {
        List<AuditRecord> all = new ArrayList<>();
        for (List<AuditRecord> page = convene.hosting().audit(meeting, null, 1_000); !page.isEmpty();
             page = convene.hosting().audit(meeting, page.get(page.size() - 1).seq(), 1_000)) all.addAll(page);
        java.util.Collections.reverse(all);
        return all;
    }

    /**
     * What hosts did to a meeting and its instance, held to the audit trail: each removal (a leave whose reason is
     * kicked) and each ban's taking out (reason banned) has its record, naming the user, at the same moment, and no
     * removal record lacks its leave; the bans that hold at the end are those the records leave standing; the trail
     * is numbered without gaps.
     */
    void moderation(long meeting, long instance) {
        List<AuditRecord> records = audit(meeting);
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).seq() != i + 1) {
                violate("meeting " + meeting + ": audit record " + (i + 1) + " is numbered " + records.get(i).seq());
                break;
            }
        }
        Map<String, Integer> removals = new HashMap<>();
        Set<String> banRecords = new HashSet<>();
        Map<Long, Boolean> banned = new HashMap<>();
        for (AuditRecord r : records) {
            long user = r.target().startsWith("user:") ? Long.parseLong(r.target().substring(5)) : 0;
            switch (r.action()) {
                case "participant_removed" -> {
                    if (String.valueOf(instance).equals(r.details().get("instance"))) {
                        removals.merge(user + "@" + r.at().toEpochMilli(), 1, Integer::sum);
                    }
                }
                case "participant_banned" -> {
                    banRecords.add(user + "@" + r.at().toEpochMilli());
                    banned.put(user, true);
                }
                case "participant_unbanned" -> banned.put(user, false);
                default -> { }
            }
        }
        Map<String, Integer> kicked = new HashMap<>();
        for (List<Event> page = convene.eventsOfInstance(instance, 0, 1_000); !page.isEmpty();
             page = convene.eventsOfInstance(instance, page.get(page.size() - 1).id(), 1_000)) {
            for (Event e : page) {
                String key = e.userId() + "@" + e.timestamp().toEpochMilli();
                if ("kicked".equals(e.reason())) kicked.merge(key, 1, Integer::sum);
                if ("banned".equals(e.reason())) {
                    bannedLeaves++;
                    if (!banRecords.contains(key)) violate("instance " + instance + ": user " + e.userId()
                            + " was taken out by a ban with no ban recorded at that moment");
                }
            }
        }
        removalsChecked += kicked.values().stream().mapToInt(Integer::intValue).sum();
        if (!kicked.equals(removals)) {
            violate("instance " + instance + ": removals " + kicked.size() + " (user@ms) and their audit records "
                    + removals.size() + " differ");
        }
        Set<Long> holding = new HashSet<>();
        banned.forEach((user, on) -> { if (on) holding.add(user); });
        Set<Long> stored = new HashSet<>();
        for (Ban b : convene.bans().of(meeting)) stored.add(b.userId());
        if (!stored.equals(holding)) violate("meeting " + meeting + ": bans " + stored + " but the trail leaves " + holding);
        auditRecords += records.size();
    }

    /** Each scheduled instance appears activated and ended exactly once in the lifecycle of all instances. */
    void lifecycle(Set<Long> scheduled) {
        Map<String, Integer> seen = new HashMap<>();
        Map<Long, List<String>> history = new HashMap<>();
        for (LifecycleChange c : lifecycleEntries()) {
            if (!scheduled.contains(c.instanceId())) continue;
            seen.merge(c.instanceId() + " " + c.kind(), 1, Integer::sum);
            history.computeIfAbsent(c.instanceId(), i -> new ArrayList<>()).add(c.kind() + "@" + c.position());
        }
        for (long instance : scheduled) {
            for (FeedKind kind : List.of(FeedKind.ACTIVATED, FeedKind.ENDED)) {
                int times = seen.getOrDefault(instance + " " + kind, 0);
                if (times != 1) {
                    // What the lifecycle does hold of it, to tell a lost hint from one never sent.
                    violate("the lifecycle shows instance " + instance + " " + kind + " " + times + " times (it holds "
                            + history.getOrDefault(instance, List.of()) + ")");
                }
            }
        }
    }

    /**
     * A followed stream against the feed it followed ({@code truth}, oldest first; a capped feed may have
     * lost its oldest entries): in order, nothing twice, and nothing the feed holds missing between the
     * first and the last event received.
     */
    void stream(String name, List<String> received, List<StreamPosition> truth) {
        streamEvents += received.size();
        if (received.isEmpty()) {
            violate(name + ": no event received");
            return;
        }
        List<StreamPosition> got = received.stream().map(id -> StreamPosition.parse("id", id)).toList();
        for (int i = 1; i < got.size(); i++) {
            if (!got.get(i).isAfter(got.get(i - 1))) {
                violate(name + ": event " + got.get(i) + " after " + got.get(i - 1) + " (out of order or repeated)");
                return;
            }
        }
        Set<StreamPosition> have = new HashSet<>(got);
        StreamPosition first = got.get(0), lastOne = got.get(got.size() - 1);
        List<StreamPosition> missing = truth.stream().filter(p -> p.compareTo(first) >= 0 && p.compareTo(lastOne) <= 0)
                .filter(p -> !have.contains(p)).toList();
        Set<StreamPosition> stored = new HashSet<>(truth);
        StreamPosition oldest = truth.isEmpty() ? lastOne : truth.get(0);
        List<StreamPosition> extra = got.stream().filter(p -> p.compareTo(oldest) >= 0 && !stored.contains(p)).toList();
        if (!missing.isEmpty()) {
            violate(name + ": " + missing.size() + " events missing between " + first + " and " + lastOne + " (first "
                    + missing.subList(0, Math.min(5, missing.size())) + "; received but not stored: " + extra.size() + " "
                    + extra.subList(0, Math.min(5, extra.size())) + ")");
        }
        lostEvents += extra.size();
        if (!truth.isEmpty() && !lastOne.equals(truth.get(truth.size() - 1))) {
            violate(name + ": ends at " + lastOne + ", the feed at " + truth.get(truth.size() - 1));
        }
    }

    /** The positions of an instance's feed, oldest first. */
    List<StreamPosition> feed(long instance) {
        return activity(instance).stream().map(InstanceActivity::position).toList();
    }

    /** The positions of the lifecycle feed, oldest first. */
    List<StreamPosition> lifecycleFeed() {
        return lifecycleEntries().stream().map(LifecycleChange::position).toList();
    }

    private List<InstanceActivity> activity(long instance) {
        List<InstanceActivity> all = new ArrayList<>();
        for (List<InstanceActivity> page = store.feeds().activity(instance, StreamPosition.START, 1_000); !page.isEmpty();
             page = store.feeds().activity(instance, page.get(page.size() - 1).position(), 1_000)) all.addAll(page);
        return all;
    }

    private List<LifecycleChange> lifecycleEntries() {
        List<LifecycleChange> all = new ArrayList<>();
        for (List<LifecycleChange> page = store.feeds().lifecycle(StreamPosition.START, 1_000); !page.isEmpty();
             page = store.feeds().lifecycle(page.get(page.size() - 1).position(), 1_000)) all.addAll(page);
        return all;
    }

    /** Records an instance id that a creation acknowledged for a second time: a counter the cluster took back. */
    void createdTwice(long instance) {
        violate("instance " + instance + ": its id was handed out by two acknowledged creations");
    }

    private void violate(String finding) {
        violations.add(finding);
    }
}
