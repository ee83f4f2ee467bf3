package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.convene.audit.AuditChain;
import org.convene.audit.AuditEntry;
import org.convene.audit.AuditLine;
import org.convene.audit.AuditSealer;
import org.convene.audit.AuditTrail;
import org.convene.audit.AuditVerifier;
import org.convene.audit.SealKey;
import org.convene.model.Actor;
import org.convene.model.GlobalRole;
import org.convene.model.MeetingDetails;
import org.convene.model.TimeWindow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit chains sealed on a real Redis: the sealer chains every record with SHA-256 and signs a checkpoint of the
 * heads; an export of what it sealed verifies offline; a seal is a compare-and-set on the chain's head, so that two
 * sealers never fork a chain; one node seals at a time. The world: a role change (the users' chain) and, in a
 * meeting whose instance is active, a removal, a ban and its lifting (the meeting's chain).
 */
abstract class AuditSealContract extends StoreContract {
    static final SealKey KEY = SealKey.generate();
    long meeting;

    @BeforeEach
    void aFewPrivilegedActions() {
        convene.roles().change(jane.id(), GlobalRole.ORGANIZER, Actor.ROOT, "r-1");
        meeting = convene.createMeeting(new MeetingDetails("Sealed", "", true, List.of()), jane.id()).id();
        long instance = convene.createInstance(meeting, new TimeWindow(clock.instant().minus(minutes(1)),
                clock.instant().plus(hours(1)))).id();
        convene.join(john.id(), instance);
        convene.hosting().remove(john.id(), instance, Actor.ROOT, "r-2");
        convene.bans().ban(meeting, john.id(), null, "spam", Actor.ROOT, "r-3");
        convene.bans().lift(meeting, john.id(), Actor.ROOT, "r-4");
    }

    AuditSealer sealer() {
        return new AuditSealer(store.audit(), KEY, clock, Duration.ofSeconds(2));
    }

    List<AuditLine> export() {
        List<AuditLine> lines = new ArrayList<>();
        new AuditTrail(store.audit(), KEY).export(Instant.EPOCH, clock.instant().plus(hours(1)), lines::add);
        return lines;
    }

    @Test
    void theSealerSealsEveryRecordAndSignsACheckpointOfTheHeads() {
        int written = store.audit().after("users", 0, 100).size() + store.audit().after("meeting:" + meeting, 0, 100).size();

        AuditSealer.Tick tick = sealer().tick();

        assertThat(written).as("two users made, a role given, a removal, a ban and its lifting").isEqualTo(6);
        assertThat(tick.sealed()).isEqualTo(written);
        assertThat(tick.checkpoint()).hasValueSatisfying(c -> {
            assertThat(c.heads()).containsKeys("users", "meeting:" + meeting);
            assertThat(c.heads().get("meeting:" + meeting).seq()).isEqualTo(3);
        });
    }

    @Test
    void anExportOfWhatWasSealedVerifiesOfflineUpToTheCheckpoint() {
        sealer().tick();

        AuditVerifier.Verdict verdict = AuditVerifier.verify(export(), SealKey.publicKey(KEY.publicBase64()));

        assertThat(verdict.intact()).as(verdict.problem()).isTrue();
        assertThat(verdict.records()).isEqualTo(6);
        assertThat(verdict.lastCheckpoint()).isEqualTo(1);
    }

    @Test
    void aTickWithNothingNewSealsNothingAndSignsNoCheckpoint() {
        AuditSealer sealer = sealer();
        sealer.tick();

        AuditSealer.Tick again = sealer.tick();

        assertThat(again.sealed()).isZero();
        assertThat(again.checkpoint()).isEmpty();
    }

    @Test
    void recordsWrittenLaterAreSealedAfterTheOnesBefore() {
        AuditSealer sealer = sealer();
        sealer.tick();
        convene.bans().ban(meeting, john.id(), null, "again", Actor.ROOT, "r-5");

        assertThat(sealer.tick().sealed()).isEqualTo(1);
        assertThat(AuditVerifier.verify(export(), SealKey.publicKey(KEY.publicBase64())).intact()).isTrue();
    }

    @Test
    void aSealAfterAHeadThatMovedChangesNothing() {
        sealer().tick();
        AuditEntry first = store.audit().after("meeting:" + meeting, 0, 1).get(0);

        boolean added = store.audit().seal("meeting:" + meeting, 0, List.of(AuditChain.seal("", first)));

        assertThat(added).isFalse();
        assertThat(store.audit().head("meeting:" + meeting).orElseThrow().seq()).isEqualTo(3);
    }

    @Test
    void oneNodeSealsAtATime() {
        AuditSealer first = sealer();
        first.tick();
        convene.bans().ban(meeting, john.id(), null, "again", Actor.ROOT, "r-5");

        assertThat(sealer().tick().sealed()).as("another node, while the first holds the lease").isZero();
        assertThat(first.tick().sealed()).isEqualTo(1);
    }

    @Test
    void twoSealersTickingAtOnceNeverForkAChain() {
        AuditSealer a = sealer();
        AuditSealer b = sealer();
        for (int round = 0; round < 10; round++) {
            convene.bans().ban(meeting, john.id(), null, "round " + round, Actor.ROOT, "r");
            CompletableFuture.allOf(CompletableFuture.runAsync(a::tick), CompletableFuture.runAsync(b::tick)).join();
        }
        a.tick();

        assertThat(AuditVerifier.verify(export(), SealKey.publicKey(KEY.publicBase64())).intact()).isTrue();
    }
}
