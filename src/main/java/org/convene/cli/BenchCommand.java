package org.convene.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.convene.app.Settings;
import org.convene.bench.BenchSettings;
import org.convene.bench.BenchSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code convene bench}: the mixed workload against a synthetic population, and with options the
 * seed's algorithm beside it, the same through the HTTP API, memory per message and event, a
 * scaling series over stored history and a scheduler run. {@code --full} runs all of them. Without
 * {@code CONVENE_REDIS_URL} it runs on a throwaway embedded Redis with the append-only persistence
 * Convene uses, so ./data is never touched; each part starts from an empty store.
 */
@Command(mixinStandardHelpOptions = true, name = "bench", description = "Measure Convene: throughput, latency, round trips and commands per "
        + "operation; with options also the seed's algorithm, the HTTP API, memory, scaling and the scheduler.")
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    ConveneCommand root;

    @Option(names = "--users", defaultValue = "2000", description = "Users in the benchmark's population.")
    int users;
    @Option(names = "--meetings", defaultValue = "200", description = "Meetings in the population, each with one active instance.")
    int meetings;
    @Option(names = "--private-share", defaultValue = "0.3", description = "Share of private meetings, 0 to 1.")
    double privateShare;
    @Option(names = "--callers", defaultValue = "32", description = "Concurrent callers.")
    int callers;
    @Option(names = "--seconds", defaultValue = "30", description = "Measured seconds of each workload run.")
    int seconds;
    @Option(names = "--warmup", defaultValue = "5", description = "Unmeasured seconds before each workload run.")
    int warmup;
    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random population and workload, for runs that can be compared.")
    long seed;
    @Option(names = "--baseline", description = "Also run the seed report's own algorithm on the same data, side by side.")
    boolean baseline;
    @Option(names = "--http", description = "Also run the workload through the REST API of an in-process server.")
    boolean http;
    @Option(names = "--memory", description = "Also measure Redis memory per chat message and per event.")
    boolean memory;
    @Option(names = "--scaling", split = ",", paramLabel = "HISTORY",
            description = "Also run the workload with this much history stored, e.g. 1000,10000,100000,1000000.")
    List<Long> scaling;
    @Option(names = "--seed-max-history", defaultValue = "10000",
            description = "The largest history the seed's algorithm is run on in the scaling series (its join "
                    + "times scan every key once per participant: past this, single operations take many seconds).")
    long seedMaxHistory;
    @Option(names = "--scheduler", paramLabel = "INSTANCES", description = "Also run the scheduler over this many instances.")
    Integer schedulerInstances;
    @Option(names = "--window", defaultValue = "180", description = "Seconds within which the scheduler run's instances start and end.")
    int window;
    @Option(names = "--fanout", paramLabel = "SUBSCRIBERS", description = "Also measure live delivery to this many "
            + "stream subscribers (nine in ten on instance streams, nine in a hundred on /stream?scope=lifecycle, one in a hundred on the whole /stream; in a process of their own).")
    Integer fanout;
    @Option(names = "--reaping", paramLabel = "PARTICIPANTS",
            description = "Also measure presence reaping: this many participants going quiet within 30 s, and how late each is reaped.")
    Integer reaping;
    @Option(names = "--fanout-stalled", defaultValue = "100",
            description = "Subscribers that stop reading, in the second fan-out run (0: none).")
    int fanoutStalled;
    @Option(names = "--fanout-rate", defaultValue = "100", description = "Chat messages posted a second in the fan-out runs.")
    int fanoutRate;
    @Option(names = "--webhooks", paramLabel = "EVENTS_PER_SECOND", arity = "0..1", fallbackValue = "500",
            description = "Also measure webhook delivery at this many events a second (500 when no number is given) over "
                    + "the population's instances, to a receiver in a process of its own: one that keeps its connections, "
                    + "one that closes each, and the first beside an endpoint answering in two seconds.")
    Integer webhooks;
    @Option(names = "--audit", paramLabel = "ACTIONS_PER_SECOND", arity = "0..1", fallbackValue = "1000",
            description = "Also measure the audit trail: this many privileged actions a second (1000 when no number is given) "
                    + "for --seconds with a sealer ticking every 2 s: seal lag, what the audit adds to an action, sealing's "
                    + "cost per record and how fast an export verifies.")
    Integer audit;
    @Option(names = "--lobby", paramLabel = "WAITERS", arity = "0..1", fallbackValue = "10000",
            description = "Also measure the lobby: admit-all of this many waiters (10000 when no number is given) into a "
                    + "tenth as many seats, and how fast 1000 people knocking over a minute reach 4 hosts' streams.")
    Integer lobby;
    @Option(names = "--charts", paramLabel = "DIR",
            description = "Also write SVG charts of what was measured into DIR (operations.svg, latency.svg, scaling.svg, delivery.svg, webhooks.svg).")
    java.nio.file.Path charts;

    @Option(names = "--full", description = "Everything: --baseline --http --memory --scaling 1000,10000,100000,1000000 --scheduler 100000 --fanout 10000 --reaping 10000 --webhooks 500 --audit 1000 --lobby 10000.")
    boolean full;
    @Mixin
    ResetOption reset;

    @Override
    public Integer call() throws Exception {
        if (full) {
            baseline = http = memory = true;
            if (scaling == null) scaling = List.of(1_000L, 10_000L, 100_000L, 1_000_000L);
            if (schedulerInstances == null) schedulerInstances = 100_000;
            if (fanout == null) fanout = 10_000;
            if (reaping == null) reaping = 10_000;
            if (webhooks == null) webhooks = 500;
            if (audit == null) audit = 1000;
            if (lobby == null) lobby = 10_000;
        }
        BenchSettings workload = new BenchSettings(users, meetings, privateShare, callers, Duration.ofSeconds(seconds),
                seed, Duration.ofSeconds(warmup));
        BenchSuite.Parts parts = new BenchSuite.Parts(workload, baseline, http, memory,
                scaling == null ? List.of() : scaling, seedMaxHistory, schedulerInstances == null ? 0 : schedulerInstances,
                Duration.ofSeconds(window), fanout == null ? 0 : fanout, fanoutStalled, fanoutRate,
                reaping == null ? 0 : reaping, webhooks == null ? 0 : webhooks, audit == null ? 0 : audit,
                lobby == null ? 0 : lobby);
        org.convene.bench.BenchCharts drawn = new org.convene.bench.BenchCharts();
        BenchSuite suite = new BenchSuite(parts, root.spec.commandLine().getOut(), (text, value) -> {
            drawn.accept(text, value);
            root.output().result(text, value);
        });
        boolean ran = suite.run(Settings.from(root.context.env()).store(), reset.reset, root.spec.commandLine().getErr());
        if (ran && charts != null) {
            // Drawn off-screen: no display is needed or asked for.
            System.setProperty("java.awt.headless", "true");
            for (java.nio.file.Path file : drawn.write(charts)) root.spec.commandLine().getOut().println("Chart: " + file);
        }
        return ran ? 0 : 1;
    }
}
