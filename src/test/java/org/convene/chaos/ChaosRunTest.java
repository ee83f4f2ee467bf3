package org.convene.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.convene.testing.RedisTargets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fault-injection run. In CI, the short plan (each fault once, then two at once), with and without
 * CONVENE_REDIS_WAIT_REPLICAS: no invariant may break in either mode; with it, no acknowledged write may be
 * lost either. The long plan runs from scripts/chaos (the build leaves out its tag).
 */
@Tag("faults")
class ChaosRunTest {

    @Test
    void theShortPlanBreaksNoInvariant() throws Exception {
        ChaosReport report = run(new ChaosRun.Plan(Duration.ZERO, 0, 1));

        assertThat(report.violations()).as(report.text()).isEmpty();
        assertThat(report.faults()).hasSize(7);
        for (Faults.Injected fault : report.faults()) {
            assertThat(report.resumed(fault)).as("writes resumed after: %s", fault.kind()).isTrue();
            assertThat(report.pause(fault)).as("writes paused by: %s", fault.kind()).isLessThan(30.0);
        }
        assertThat(report.streamBreaks()).as("streams broke when their node was killed, and resumed elsewhere").isPositive();
        assertThat(report.streamHops()).isPositive();
        assertThat(report.scheduledInstances()).isPositive();
        assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("target", "chaos-run.svg")))
                .as("the run's timeline, drawn beside its report").contains("<title>Fault run (short plan, WAIT 0)");
    }

    @Test
    void withReplicasWaitedForTheShortPlanLosesNoAcknowledgedWrite() throws Exception {
        ChaosReport report = run(new ChaosRun.Plan(Duration.ZERO, 1, 2));

        assertThat(report.violations()).as(report.text()).isEmpty();
        assertThat(report.lostWrites()).as(report.text()).isZero();
    }

    @Test
    @Tag("long-chaos")
    void theLongPlanBreaksNoInvariant() throws Exception {
        String minutes = System.getProperty("convene.chaos.minutes", "10");
        int wait = Integer.parseInt(System.getProperty("convene.chaos.wait", "0"));
        ChaosReport report = run(new ChaosRun.Plan(Duration.ofMinutes(Long.parseLong(minutes)), wait,
                Long.getLong("convene.chaos.seed", System.currentTimeMillis())));

        assertThat(report.violations()).as(report.text()).isEmpty();
    }

    private static ChaosReport run(ChaosRun.Plan plan) throws Exception {
        RedisTargets.clusterWithReplicas(); // the same preconditions (Redis 7 installed) as the replicated suite
        ChaosReport report = new ChaosRun(plan).run();
        System.out.print(report.write());
        return report;
    }
}
