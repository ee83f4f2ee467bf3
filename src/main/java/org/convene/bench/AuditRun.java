package org.convene.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.convene.audit.AuditEntry;
import org.convene.audit.AuditLine;
import org.convene.audit.AuditSealer;
import org.convene.audit.AuditTrail;
import org.convene.audit.AuditVerifier;
import org.convene.audit.Seal;
import org.convene.audit.SealKey;
import org.convene.audit.port.AuditChains;
import org.convene.core.Convene;
import org.convene.model.Actor;
import org.convene.model.MeetingDetails;
import org.convene.model.UserDetails;

/**
 * The audit trail under load: privileged actions (a ban and its lifting, by root, over 20 meetings) at a steady rate
 * while a sealer ticks every 2 s as a server's does. It measures each record's seal lag (from the action's record to
 * the seal that covered it, taken where the sealer's compare-and-set succeeds), the Redis commands a moderation action
 * costs and how many of them are the audit's, what sealing costs per record, and how fast an export verifies.
 */
public final class AuditRun {
    private static final int MEETINGS = 20;
    private static final int USERS = 50;
    private static final Duration PERIOD = Duration.ofSeconds(2);

    private AuditRun() {}

    /** What one run measured. */
    public record Result(int rate, long actions, long sealed, Histogram lagMs, double commandsPerAction,
                         double sealCommandsPerRecord, double sealMicrosPerRecord, long verified, double verifiedPerSecond) {
        public String table() {
            return String.format(Locale.ROOT, "%d privileged actions a second asked (bans and their lifting over %d meetings); "
                            + "%d done, %d records sealed by a sealer ticking every %d s (a ban of someone banned records nothing)%n"
                            + "%-22s %8s %8s %8s%n%-22s %8d %8d %8d%n"
                            + "Redis commands per moderation action: %.1f, of which 3 are the audit's (the record's INCR and XADD in "
                            + "the action's script, and the sealer's hint)%n"
                            + "sealing: %.2f Redis commands and %.0f us of the sealer's time per record%n"
                            + "verify (offline, one thread): %d records in an export, %.0f records a second%n",
                    rate, MEETINGS, actions, sealed, PERIOD.toSeconds(), "seal lag ms", "p50", "p99", "max", "record",
                    lagMs.getValueAtPercentile(50), lagMs.getValueAtPercentile(99), lagMs.getMaxValue(), commandsPerAction,
                    sealCommandsPerRecord, sealMicrosPerRecord, verified, verifiedPerSecond);
        }
    }

    /**
     * Runs {@code rate} actions a second for {@code duration} on {@code convene}'s store, whose audit chains are
     * {@code chains}; {@code commands} reads the Redis commands run so far.
     */
    public static Result run(Convene convene, AuditChains chains, LongSupplier commands, int rate, Duration duration)
            throws Exception {
        List<Long> meetings = new ArrayList<>();
        for (int m = 0; m < MEETINGS; m++) meetings.add(convene.createMeeting(new MeetingDetails("Audit run " + m, "", true, List.of())).id());
        List<Long> users = new ArrayList<>();
        for (int u = 0; u < USERS; u++) users.add(convene.createUser(new UserDetails("Audited " + u, 30, "", "audited" + u + "@example.com")).id());
        SealKey key = SealKey.generate();
        Clock clock = Clock.systemUTC();
        Histogram lag = new Histogram(3_600_000L, 3);
        AuditChains timed = timing(chains, clock, lag);
        AuditSealer sealer = new AuditSealer(timed, key, clock, PERIOD);
        sealer.tick(); // what making the population wrote, sealed before the measure
        lag.reset();

        // One action alone, many times, with nothing else running: its commands.
        long before = commands.getAsLong();
        int alone = 200;
        for (int i = 0; i < alone; i++) act(convene, meetings.get(i % MEETINGS), users.get(i % USERS), i);
        double perAction = (commands.getAsLong() - before) / (double) alone;
        // Their sealing alone: commands and time per record.
        before = commands.getAsLong();
        long began = System.nanoTime();
        int sealedAlone = sealer.tick().sealed();
        double sealMicros = (System.nanoTime() - began) / 1e3 / Math.max(1, sealedAlone);
        double sealCommands = (commands.getAsLong() - before) / (double) Math.max(1, sealedAlone);
        lag.reset();

        // The steady rate, with the sealer on its own thread as on a server.
        AtomicLong done = new AtomicLong();
        sealer.start();
        ScheduledExecutorService pace = Executors.newScheduledThreadPool(4);
        long tickNanos = 1_000_000_000L / Math.max(1, rate);
        AtomicLong n = new AtomicLong();
        for (int t = 0; t < 4; t++) {
            pace.scheduleAtFixedRate(() -> {
                long i = n.getAndIncrement();
                try {
                    act(convene, meetings.get((int) (i % MEETINGS)), users.get((int) (i / MEETINGS % USERS)), i);
                    done.incrementAndGet();
                } catch (RuntimeException refused) {
                    // A ban of someone banned already, or a lifting of no ban, under the race of four threads: not counted.
                }
            }, t * tickNanos, 4 * tickNanos, TimeUnit.NANOSECONDS);
        }
        Thread.sleep(duration.toMillis());
        pace.shutdown();
        pace.awaitTermination(10, TimeUnit.SECONDS);
        Thread.sleep(PERIOD.toMillis() * 2); // the last records sealed
        sealer.close();
        sealer.tick();

        AuditTrail trail = new AuditTrail(chains, key);
        List<AuditLine> lines = new ArrayList<>();
        trail.export(Instant.EPOCH, clock.instant().plusSeconds(1), lines::add);
        began = System.nanoTime();
        AuditVerifier.Verdict verdict = AuditVerifier.verify(lines, SealKey.publicKey(key.publicBase64()));
        double seconds = (System.nanoTime() - began) / 1e9;
        if (!verdict.intact()) throw new IllegalStateException("the benchmark's trail does not verify: " + verdict.problem());
        return new Result(rate, done.get(), lag.getTotalCount(), lag, perAction, sealCommands, sealMicros, verdict.records(),
                verdict.records() / Math.max(seconds, 1e-9));
    }

    /** A ban, or the lifting of the one before it: the one privileged action a moderator takes most. */
    private static void act(Convene convene, long meeting, long user, long i) {
        if (i / (MEETINGS * USERS) % 2 == 0) convene.bans().ban(meeting, user, null, "bench", Actor.ROOT, "bench");
        else convene.bans().lift(meeting, user, Actor.ROOT, "bench");
    }

    /**
     * The chains, timing each record's seal: the time each record was read for sealing is kept from its {@code at},
     * and a seal that goes in records, for each record it covers, how long after its action it was sealed.
     */
    private static AuditChains timing(AuditChains chains, Clock clock, Histogram lag) {
        Map<String, Long> at = new ConcurrentHashMap<>();
        return (AuditChains) Proxy.newProxyInstance(AuditChains.class.getClassLoader(), new Class<?>[] {AuditChains.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(chains, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("after")) {
                        @SuppressWarnings("unchecked") List<AuditEntry> read = (List<AuditEntry>) result;
                        for (AuditEntry e : read) at.put(e.chain() + "#" + e.seq(), Long.parseLong(e.fields().getOrDefault("at", "0")));
                    } else if (method.getName().equals("seal") && Boolean.TRUE.equals(result)) {
                        long now = clock.millis();
                        @SuppressWarnings("unchecked") List<Seal> seals = (List<Seal>) args[2];
                        for (Seal s : seals) {
                            Long written = at.remove(s.chain() + "#" + s.seq());
                            if (written != null) lag.recordValue(Math.max(0, now - written));
                        }
                    }
                    return result;
                });
    }
}
