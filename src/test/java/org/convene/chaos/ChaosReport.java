package org.convene.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a fault run did and found, as the lines docs/reliability.md quotes, and its timeline (writes acknowledged a
 * second, each fault and the pause it caused) as a picture; both written to target/ too.
 */
record ChaosReport(ChaosRun.Plan plan, Ledger ledger, List<Faults.Injected> faults, Invariants check, int scheduledInstances,
                   int streamHops, int streamBreaks, double loadSeconds, double runSeconds, Map<String, Long> clusterErrors,
                   long loadBegan) {

    /** The pause each fault caused: the longest time without an acknowledged operation on what it touched, from its start. */
    double pause(Faults.Injected fault) {
        // Looked at until 5 s after it, or until the next fault begins: that one's pauses are its own.
        long[] window = pauseWindow(fault);
        return (window[1] - window[0]) / 1e9;
    }

    /** Where the pause {@code fault} caused was (System.nanoTime), as {@link #pause} measures it. */
    long[] pauseWindow(Faults.Injected fault) {
        long until = fault.endedAt() + 5_000_000_000L;
        for (Faults.Injected next : faults) if (next.startedAt() > fault.endedAt()) until = Math.min(until, next.startedAt());
        return ledger.pauseWindow(fault.touched(), fault.startedAt(), until);
    }

    /** Whether writes to the instances {@code fault} touched were acknowledged again after it. */
    boolean resumed(Faults.Injected fault) {
        return ledger.resumedAfter(fault.touched(), fault.endedAt());
    }

    List<String> violations() {
        return check.violations;
    }

    long lostWrites() {
        return check.lostPosts + check.lostJoins;
    }

    /** The report, in words and one line per fault. */
    String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Fault run (%s, CONVENE_REDIS_WAIT_REPLICAS=%d): 3 Convene nodes, a cluster of 3 primaries "
                        + "and 3 replicas, %d workers over HTTP for %.0f s (whole run %.0f s)%n",
                plan.isShort() ? "short plan" : "long plan, " + plan.length().toMinutes() + " min", plan.waitReplicas(),
                ChaosRun.WORKERS, loadSeconds, runSeconds));
        out.append(String.format(Locale.ROOT, "operations: %d invoked, %d acknowledged (%.0f/s), %d refused, %d failed (never sent), "
                        + "%d unknown (%d posts asked again with their Idempotency-Key), %d server errors%n",
                ledger.invoked.sum(), ledger.ok.sum(), ledger.ok.sum() / loadSeconds, ledger.refused.sum(), ledger.failed.sum(),
                ledger.unknown.sum(), ledger.retriedPosts.sum(), ledger.serverErrors.sum()));
        out.append(String.format(Locale.ROOT, "acknowledged writes lost: %d posts of %d, %d joins; scheduled instances: %d "
                        + "(each begun and ended by the nodes' schedulers, a third ended by hand); stream events checked: %d "
                        + "over %d node changes and %d broken connections (%d delivered, then lost by the cluster)%n",
                check.lostPosts, check.checkedPosts, check.lostJoins, scheduledInstances, check.streamEvents, streamHops,
                streamBreaks, check.lostEvents));
        out.append("redirections and refusals answered by the Redis nodes (INFO errorstats): ").append(clusterErrors).append('\n');
        out.append("faults (").append(faults.size()).append("):\n");
        for (Faults.Injected f : faults) {
            out.append(String.format(Locale.ROOT, "  %s (%s): lasted %.1f s, acknowledged writes paused %s%.1f s on %s "
                            + "(%d acknowledged there meanwhile)%n", f.kind(), f.detail(), (f.endedAt() - f.startedAt()) / 1e9,
                    resumed(f) ? "" : "(never resumed) at least ", pause(f), f.touched().isEmpty() ? "all instances" : "instances " + f.touched(),
                    ledger.acknowledgedBetween(f.touched(), f.startedAt(), f.endedAt())));
        }
        out.append(String.format(Locale.ROOT, "moderation: %d actions asked; %d removals and %d taken out by bans, each "
                        + "matched to its audit record; %d posts deleted with a record; %d audit records, gap-free%n",
                ledger.moderations.sum(), check.removalsChecked, check.bannedLeaves, check.deletedPosts, check.auditRecords));
        out.append(String.format(Locale.ROOT, "audit trail: %d sealed records and %d signed checkpoints verified with the "
                + "nodes' key after the faults%n", check.auditVerified, check.auditCheckpoints));
        out.append("invariant violations: ").append(check.violations.size()).append('\n');
        // Grouped by what they are about (an instance, a stream), each group with its first finding.
        Map<String, List<String>> groups = new TreeMap<>();
        for (String v : check.violations) {
            String about = v.contains(":") ? v.substring(0, v.indexOf(':')) : v.replaceAll(" user \\d+.*", "");
            groups.computeIfAbsent(about, k -> new ArrayList<>()).add(v);
        }
        groups.forEach((about, found) -> out.append("  ").append(found.size()).append(" x ").append(found.get(0)).append('\n'));
        return out.toString();
    }

    /** Writes the report to target/chaos-run[-wait].txt and returns it. */
    String write() throws IOException {
        String text = text();
        Files.createDirectories(Path.of("target"));
        String name = "chaos-run" + (plan.waitReplicas() > 0 ? "-wait" : "");
        Files.writeString(Path.of("target", name + ".txt"), text);
        Files.writeString(Path.of("target", name + ".svg"), ChaosTimeline.svg(this));
        return text;
    }
}
