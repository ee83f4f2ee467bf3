package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.convene.audit.AuditLine;
import org.convene.audit.AuditSealer;
import org.convene.audit.AuditTrail;
import org.convene.audit.AuditVerifier;
import org.convene.audit.Checkpoint;
import org.convene.audit.SealKey;
import org.convene.core.AdjustableClock;
import org.convene.core.Convene;
import org.convene.model.Actor;
import org.convene.model.MeetingDetails;
import org.convene.model.UserDetails;
import org.convene.testing.RedisKeys;
import org.convene.testing.RedisTargets;
import org.junit.jupiter.api.Test;

/**
 * A Redis put back to an older snapshot (a restore, a failover to a stale replica) loses sealed records; the trail it
 * holds is consistent in itself, but a checkpoint signed before the restore and kept outside (by a witness, or in an
 * earlier export) names a head the restored trail no longer reaches, and verification says so.
 */
class AuditRollbackTest {
    @Test
    void aCheckpointKeptOutsideExposesARestoreOfAnOlderSnapshot() {
        RedisConnection redis = RedisTargets.embedded();
        redis.flush(redis.dataDatabase());
        redis.flush(1);
        AdjustableClock clock = new AdjustableClock(Instant.parse("2026-01-05T10:00:00Z"));
        RedisStore store = new RedisStore(redis, 1);
        Convene convene = new Convene(store, clock);
        SealKey key = SealKey.generate();
        AuditTrail trail = new AuditTrail(store.audit(), key);
        AuditSealer sealer = trail.sealer(clock, Duration.ofSeconds(2));
        long meeting = convene.createMeeting(new MeetingDetails("Kept", "", true, List.of())).id();
        long ann = convene.createUser(new UserDetails("Ann", 30, "", "ann@example.com")).id();
        convene.bans().ban(meeting, ann, null, "first", Actor.ROOT, "r-1");
        sealer.tick();
        List<RedisKeys.StoredKey> snapshot = RedisKeys.all(redis.description());
        clock.advance(Duration.ofMinutes(1));
        convene.bans().lift(meeting, ann, Actor.ROOT, "r-2");
        Checkpoint kept = sealer.tick().checkpoint().orElseThrow(); // what a witness keeps

        RedisKeys.restore(redis.description(), snapshot, 1);

        List<AuditLine> lines = new ArrayList<>();
        new AuditTrail(new RedisStore(redis, 1).audit(), key).export(Instant.EPOCH, clock.instant().plusSeconds(1), lines::add);
        assertThat(AuditVerifier.verify(lines, SealKey.publicKey(key.publicBase64())).intact())
                .as("the restored trail alone is consistent in itself").isTrue();
        lines.add(new AuditLine.Signed(lines.size() + 1, kept));
        AuditVerifier.Verdict verdict = AuditVerifier.verify(lines, SealKey.publicKey(key.publicBase64()));
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.problem()).contains("checkpoint " + kept.n() + " signed meeting:" + meeting).endsWith("(cut off or rolled back)");
    }
}
