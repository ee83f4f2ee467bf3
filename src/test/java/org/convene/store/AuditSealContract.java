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

        assertThat(written).as("two users made, a role given; the meeting made, its instance scheduled, a removal, a ban"
                + " and its lifting").isEqualTo(8);
        assertThat(tick.sealed()).as("and the world's two meetings, each made with an instance").isEqualTo(written + 4);
        assertThat(tick.checkpoint()).hasValueSatisfying(c -> {
            assertThat(c.heads()).containsKeys("users", "meeting:" + meeting);
            assertThat(c.heads().get("meeting:" + meeting).seq()).isEqualTo(5);
        });
    }

    @Test
    void anExportOfWhatWasSealedVerifiesOfflineUpToTheCheckpoint() {
        sealer().tick();

        AuditVerifier.Verdict verdict = AuditVerifier.verify(export(), SealKey.publicKey(KEY.publicBase64()));

        assertThat(verdict.intact()).as(verdict.problem()).isTrue();
        assertThat(verdict.records()).as("the world's two meetings and two instances, and the eight above").isEqualTo(12);
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
        assertThat(store.audit().head("meeting:" + meeting).orElseThrow().seq()).isEqualTo(5);
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

    @Test
    void meetingsAndInstancesChangedByHandAreRecordedTheAudienceByCountAlone() {
        org.convene.model.Acting ada = new org.convene.model.Acting(new Actor(Actor.Kind.USER, jane.id(), GlobalRole.ORGANIZER), "r-9");
        long made = convene.createMeeting(new MeetingDetails("Plans", "", false, List.of("a@example.com")),
                java.util.OptionalLong.of(jane.id()), ada).id();
        convene.updateMeeting(made, new MeetingDetails("Plans", "", false, List.of("a@example.com", "b@example.com")),
                java.util.OptionalLong.empty(), ada);
        long instance = convene.createInstance(made, new TimeWindow(clock.instant().plus(hours(1)), clock.instant().plus(hours(2))),
                ada).id();
        convene.updateInstance(instance, new TimeWindow(clock.instant().plus(hours(2)), clock.instant().plus(hours(3))), ada);
        convene.deleteInstance(instance, ada);
        convene.deleteMeeting(made, ada);

        List<AuditEntry> records = store.audit().after("meeting:" + made, 0, 10);

        assertThat(records).extracting(r -> r.fields().get("action")).containsExactly("meeting_created", "meeting_changed",
                "instance_scheduled", "instance_moved", "instance_deleted", "meeting_deleted");
        assertThat(records).allSatisfy(r -> assertThat(r.fields()).containsEntry("actorId", Long.toString(jane.id()))
                .containsEntry("requestId", "r-9"));
        assertThat(records.get(1).fields()).containsEntry("changed", "audience").containsEntry("audience", "1 -> 2 addresses");
        assertThat(records).allSatisfy(r -> assertThat(r.fields().values()).noneMatch(v -> v.contains("@example.com")));
        sealer().tick();
        assertThat(AuditVerifier.verify(export(), SealKey.publicKey(KEY.publicBase64())).intact()).isTrue();
    }

    @Test
    void recordsOlderThanTheRetentionGoBehindAnAnchorAndTheChainStillVerifies() {
        AuditSealer sealer = new AuditSealer(store.audit(), KEY, clock, Duration.ofSeconds(2), Duration.ofDays(30));
        sealer.tick();
        clock.advance(Duration.ofDays(31));
        convene.bans().ban(meeting, john.id(), null, "a month later", Actor.ROOT, "r-6");

        sealer.tick();
        sealer.tick();

        List<AuditEntry> left = store.audit().after("meeting:" + meeting, 0, 100);
        assertThat(left).extracting(e -> e.fields().get("action")).containsExactly("participant_banned", "chain_trimmed");
        assertThat(left.get(1).fields()).containsEntry("through", Long.toString(left.get(0).seq() - 1))
                .containsEntry("actorKind", "system");
        AuditVerifier.Verdict verdict = AuditVerifier.verify(export(), SealKey.publicKey(KEY.publicBase64()));
        assertThat(verdict.intact()).as(verdict.problem()).isTrue();
    }

    @Test
    void aSeriesMadeCancelledInPartAndDeletedByHandIsRecorded() {
        org.convene.series.Recurrences recurrences = new org.convene.series.Recurrences(store.series(), clock);
        org.convene.model.Acting jane = new org.convene.model.Acting(new Actor(Actor.Kind.USER, this.jane.id(), GlobalRole.ORGANIZER), "s-1");
        long planning = convene.createMeeting(new MeetingDetails("Planning", "", true, List.of())).id();
        var series = recurrences.create(planning, org.convene.series.SeriesRule.of("FREQ=WEEKLY;COUNT=3",
                "2026-01-12T09:00", "Europe/Paris", 30), jane);
        recurrences.cancel(planning, series.id(), series.occurrences().keySet().iterator().next(), jane);
        recurrences.delete(planning, series.id(), jane);

        assertThat(store.audit().after("meeting:" + planning, 0, 20)).filteredOn(e -> "user".equals(e.fields().get("actorKind")))
                .extracting(e -> e.fields().get("action"))
                .containsExactly("series_created", "occurrence_cancelled", "series_deleted");
    }
}
