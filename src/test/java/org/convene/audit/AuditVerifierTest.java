package org.convene.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An export verified offline with the public key alone: intact, it says so; an edited byte, a missing, reordered or
 * repeated record, a forged checkpoint, a cut-off or rolled-back chain behind a signed checkpoint, each named at the
 * first line that breaks. The chains are sealed here as the sealer seals them.
 */
class AuditVerifierTest {
    static final SealKey KEY = SealKey.generate();

    /** A chain of {@code n} sealed records of meeting 7, each an action by root. */
    static List<AuditLine> chain(int n) {
        List<AuditLine> lines = new ArrayList<>();
        String prev = "";
        for (int seq = 1; seq <= n; seq++) {
            AuditEntry entry = new AuditEntry("meeting:7", seq, Map.of("at", Long.toString(1_000L * seq),
                    "action", "participant_removed", "target", "user:" + seq, "actorKind", "root"));
            Seal seal = AuditChain.seal(prev, entry);
            lines.add(new AuditLine.Sealed(seq, entry, seal));
            prev = seal.hash();
        }
        return lines;
    }

    static AuditLine.Signed checkpoint(long line, long n, Map<String, Checkpoint.Head> heads, SealKey by) {
        Checkpoint unsigned = new Checkpoint(n, Instant.ofEpochMilli(99_000), heads, by.id(), "");
        return new AuditLine.Signed(line, new Checkpoint(n, unsigned.at(), heads, by.id(), by.sign(unsigned.signed())));
    }

    static Checkpoint.Head headOf(List<AuditLine> lines, int seq) {
        Seal seal = ((AuditLine.Sealed) lines.get(seq - 1)).seal();
        return new Checkpoint.Head(seal.seq(), seal.hash());
    }

    static AuditVerifier.Verdict verify(List<AuditLine> lines) {
        return AuditVerifier.verify(lines, SealKey.publicKey(KEY.publicBase64()));
    }

    @Test
    void anIntactExportIsVerifiedUpToItsLastCheckpoint() {
        List<AuditLine> lines = chain(5);
        lines.add(checkpoint(6, 3, Map.of("meeting:7", headOf(lines, 5)), KEY));

        assertThat(verify(lines)).isEqualTo(new AuditVerifier.Verdict(true, "", 5, 1, 3));
    }

    @Test
    void anEditedRecordIsNamed() {
        List<AuditLine> lines = chain(5);
        AuditLine.Sealed third = (AuditLine.Sealed) lines.get(2);
        Map<String, String> fields = new HashMap<>(third.entry().fields());
        fields.put("target", "user:33");
        lines.set(2, new AuditLine.Sealed(3, new AuditEntry("meeting:7", 3, fields), third.seal()));

        assertThat(verify(lines).problem()).isEqualTo("line 3 (meeting:7 #3): its content does not match its hash (edited)");
    }

    @Test
    void aMissingRecordIsNamed() {
        List<AuditLine> lines = chain(5);
        lines.remove(2);

        assertThat(verify(lines).problem()).isEqualTo("line 4 (meeting:7 #4): expected #3 after #2 (records missing)");
    }

    @Test
    void reorderedRecordsAreNamed() {
        List<AuditLine> lines = chain(5);
        AuditLine third = lines.get(2);
        lines.set(2, lines.get(3));
        lines.set(3, third);

        assertThat(verify(lines).problem()).isEqualTo("line 4 (meeting:7 #4): expected #3 after #2 (records missing)");
    }

    @Test
    void aRecordRewrittenWithItsOwnHashBreaksTheNextOne() {
        List<AuditLine> lines = chain(5);
        AuditLine.Sealed third = (AuditLine.Sealed) lines.get(2);
        Map<String, String> fields = new HashMap<>(third.entry().fields());
        fields.put("target", "user:33");
        AuditEntry forged = new AuditEntry("meeting:7", 3, fields);
        lines.set(2, new AuditLine.Sealed(3, forged, AuditChain.seal(third.seal().prev(), forged)));

        assertThat(verify(lines).problem()).isEqualTo("line 4 (meeting:7 #4): it does not follow the record before it");
    }

    @Test
    void aChainCutOffBehindASignedCheckpointIsNamed() {
        List<AuditLine> lines = chain(5);
        AuditLine.Signed signed = checkpoint(6, 1, Map.of("meeting:7", headOf(lines, 5)), KEY);
        List<AuditLine> cut = new ArrayList<>(lines.subList(0, 3));
        cut.add(signed);

        assertThat(verify(cut).problem()).isEqualTo(
                "line 6: checkpoint 1 signed meeting:7 up to #5, but the export ends at #3 (cut off or rolled back)");
    }

    @Test
    void aChainRewrittenWholeAfterACheckpointIsNamed() {
        List<AuditLine> lines = chain(5);
        AuditLine.Signed signed = checkpoint(6, 1, Map.of("meeting:7", headOf(lines, 5)), KEY);
        List<AuditLine> rewritten = new ArrayList<>();
        String prev = "";
        for (AuditLine l : lines) {
            AuditEntry e = ((AuditLine.Sealed) l).entry();
            Map<String, String> fields = new HashMap<>(e.fields());
            fields.put("actorKind", "system");
            AuditEntry forged = new AuditEntry(e.chain(), e.seq(), fields);
            Seal seal = AuditChain.seal(prev, forged);
            rewritten.add(new AuditLine.Sealed(l.line(), forged, seal));
            prev = seal.hash();
        }
        rewritten.add(signed);

        assertThat(verify(rewritten).problem()).isEqualTo("line 6: checkpoint 1 signed another meeting:7 #5 than the export holds (rewritten)");
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsNamed() {
        List<AuditLine> lines = chain(2);
        lines.add(checkpoint(3, 1, Map.of("meeting:7", headOf(lines, 2)), SealKey.generate()));

        assertThat(verify(lines).problem()).isEqualTo("line 3: checkpoint 1 is not signed by this key (or was altered)");
    }

    @Test
    void anExportThatStartsInsideAChainTrustsItsFirstRecordAsAnAnchor() {
        List<AuditLine> lines = new ArrayList<>(chain(5).subList(2, 5));

        assertThat(verify(lines).intact()).isTrue();
    }

    @Test
    void aSavedKeyReadsBackAsTheSameKey() {
        SealKey again = SealKey.of(KEY.privateBase64());

        assertThat(again.id()).isEqualTo(KEY.id());
        assertThat(SealKey.verifies(SealKey.publicKey(KEY.publicBase64()), "x".getBytes(), again.sign("x".getBytes()))).isTrue();
    }

    /** Records 3 to {@code n} of {@code chain(n)} (1 and 2 trimmed), then the anchor the trim left naming {@code anchor}. */
    static List<AuditLine> trimmed(int n, String anchor) {
        List<AuditLine> kept = new ArrayList<>(chain(n).subList(2, n));
        Seal head = ((AuditLine.Sealed) kept.get(kept.size() - 1)).seal();
        AuditEntry trim = new AuditEntry("meeting:7", n + 1, Map.of("at", "99000", "action", "chain_trimmed",
                "actorKind", "system", "through", "2", "anchor", anchor));
        kept.add(new AuditLine.Sealed(n + 1, trim, AuditChain.seal(head.hash(), trim)));
        return kept;
    }

    @Test
    void aTrimmedChainVerifiesFromTheHashItsAnchorNames() {
        String second = ((AuditLine.Sealed) chain(5).get(1)).seal().hash();

        assertThat(verify(trimmed(5, second)).intact()).isTrue();
    }

    @Test
    void aChainThatStartsFromAnotherHashThanItsAnchorNamesIsBroken() {
        assertThat(verify(trimmed(5, "ab".repeat(32))).problem())
                .isEqualTo("line 3 (meeting:7 #3): the chain was trimmed up to #2 with another hash than it starts from");
    }

    @Test
    void aPersonalFieldHeldWithoutItsSaltCannotBeChecked() {
        AuditEntry entry = new AuditEntry("users", 1, Map.of("at", "1", "action", "user_created", "actorKind", "root",
                "subject", "3", "personal", "p.name", "p.name", "Ann"));
        Seal seal = AuditChain.seal("", entry, Map.of("p.name", AuditChain.digest("salt", "Ann")));

        assertThat(verify(List.of(new AuditLine.Sealed(1, entry, seal, ""))).problem())
                .isEqualTo("line 1 (users #1): its personal field p.name is held, but not its salt, so it cannot be checked");
        assertThat(verify(List.of(new AuditLine.Sealed(1, entry, seal, "salt"))).intact()).isTrue();
    }
}
