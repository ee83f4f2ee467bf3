package org.convene.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.convene.audit.AuditEntry;
import org.convene.audit.AuditLine;
import org.convene.audit.AuditSealer;
import org.convene.audit.AuditTrail;
import org.convene.audit.AuditVerifier;
import org.convene.audit.SealKey;
import org.convene.view.AuditLines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** The sealed audit trail: seal now, show the latest records, export, show the public key, and verify an export offline. */
@Command(name = "audit", description = "The sealed audit trail: seal, tail, export, public-key, verify.", mixinStandardHelpOptions = true)
final class AuditCommands {
    @ParentCommand
    ConveneCommand root;

    @Command(mixinStandardHelpOptions = true, name = "seal",
            description = "Seal what is not sealed yet and sign a checkpoint if any chain moved (a running server does this every 2 s).")
    void seal() {
        AuditSealer.Tick tick = root.context.node().sealer().tick();
        root.output().result("Sealed " + tick.sealed() + " records" + tick.checkpoint().map(c -> "; signed checkpoint " + c.n())
                .orElse(""), Map.of("sealed", tick.sealed(), "checkpoint", tick.checkpoint().map(c -> c.n()).orElse(0L)));
    }

    @Command(mixinStandardHelpOptions = true, name = "public-key", description = "The public key that checks the checkpoints (base64).")
    void publicKey() {
        String key = root.context.services().audit().publicKey();
        root.output().result(key, Map.of("publicKey", key));
    }

    @Command(mixinStandardHelpOptions = true, name = "export",
            description = "Every sealed record written from --from to --to, then the checkpoints made meanwhile, as JSON Lines.")
    void export(@Option(names = "--from", paramLabel = "TIME", description = "ISO-8601 UTC (default: the beginning).") String from,
                @Option(names = "--to", paramLabel = "TIME", description = "ISO-8601 UTC (default: now).") String to,
                @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of the standard output.") Path out)
            throws IOException {
        Instant start = from == null ? Instant.EPOCH : Instant.parse(from);
        Instant end = to == null ? root.convene().clock().instant().plusSeconds(1) : Instant.parse(to);
        long[] lines = {0};
        if (out == null) {
            PrintWriter writer = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
            root.context.services().audit().export(start, end, line -> {
                writer.println(AuditLines.write(line));
                lines[0]++;
            });
            writer.flush();
            return;
        }
        try (var writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            root.context.services().audit().export(start, end, line -> {
                try {
                    writer.write(AuditLines.write(line));
                    writer.newLine();
                    lines[0]++;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        root.output().result("Wrote " + lines[0] + " lines to " + out, Map.of("lines", lines[0], "file", out.toString()));
    }

    @Command(mixinStandardHelpOptions = true, name = "tail",
            description = "The latest sealed records of every chain, oldest first; with --follow, then each new one as it is sealed.")
    void tail(@Option(names = "--limit", defaultValue = "20", description = "How many to show first (1 to 1000).") int limit,
              @Option(names = "--follow", description = "Keep watching (every second) until interrupted.") boolean follow)
            throws InterruptedException {
        if (limit < 1 || limit > 1000) throw org.convene.model.RefusedException.invalid("--limit", "must be 1 to 1000, was " + limit);
        AuditTrail trail = root.context.services().audit();
        AuditTrail.Filter all = new AuditTrail.Filter(null, null, null, null, null, null);
        List<AuditEntry> latest = new java.util.ArrayList<>(trail.search(all, root.convene().clock().instant().plusSeconds(1), limit));
        java.util.Collections.reverse(latest);
        root.output().lines(latest.stream().map(AuditCommands::line).toList(),
                latest.stream().map(org.convene.view.AuditView::of).toList());
        java.util.Set<String> shown = new java.util.HashSet<>();
        latest.forEach(e -> shown.add(e.chain() + "#" + e.seq()));
        while (follow) {
            Thread.sleep(1_000);
            List<AuditEntry> fresh = new java.util.ArrayList<>(trail.search(all, root.convene().clock().instant().plusSeconds(1), 200));
            java.util.Collections.reverse(fresh);
            for (AuditEntry e : fresh) {
                if (shown.add(e.chain() + "#" + e.seq())) root.output().result(line(e), org.convene.view.AuditView.of(e));
            }
        }
    }

    /** One record on one line: when, which chain and number, what, who, on what, and a refusal's outcome. */
    private static String line(AuditEntry e) {
        var f = e.fields();
        String who = "user".equals(f.get("actorKind")) ? "user " + f.get("actorId") + " (" + f.get("actorRole") + ")" : f.get("actorKind");
        return Instant.ofEpochMilli(Long.parseLong(f.getOrDefault("at", "0"))) + "  " + e.chain() + " #" + e.seq() + "  "
                + f.get("action") + "  by " + who + "  on " + f.get("target") + ("ok".equals(f.get("outcome")) ? "" : "  (" + f.get("outcome") + ")");
    }

    @Command(mixinStandardHelpOptions = true, name = "verify",
            description = "Verify an export offline, without Redis: names the first entry that breaks. Exit 0 intact, 1 broken.")
    int verify(@Parameters(paramLabel = "FILE", description = "An export (JSON Lines).") Path file,
               @Option(names = "--public-key", required = true, paramLabel = "KEY",
                       description = "The public key (base64, as `convene audit public-key` prints it), or @FILE holding it.") String key)
            throws IOException {
        String base64 = key.startsWith("@") ? Files.readString(Path.of(key.substring(1)), StandardCharsets.US_ASCII) : key;
        List<AuditLine> lines;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = AuditLines.read(in);
        }
        AuditVerifier.Verdict verdict = AuditVerifier.verify(lines, SealKey.publicKey(base64));
        if (verdict.intact()) {
            root.output().result("Intact: " + verdict.records() + " records and " + verdict.checkpoints() + " checkpoints"
                    + (verdict.lastCheckpoint() > 0 ? ", verified up to checkpoint " + verdict.lastCheckpoint() : ""), verdict);
            return 0;
        }
        root.output().result("Broken: " + verdict.problem(), verdict);
        return 1;
    }
}
