package org.convene.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Duration;
import org.convene.audit.AuditVerifier;
import org.convene.audit.SealKey;
import org.convene.testing.ApiServer;
import org.convene.view.AuditLines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sealed trail over HTTP: an administrator reads the latest checkpoint with its public key, and an export that
 * verifies offline with that key alone. Root removes John (1) from instance 2 after he joined it.
 */
class AuditApiTest extends ApiServerTest {
    org.convene.audit.AuditSealer sealer;

    @BeforeEach
    void aRemovalSealed() {
        api.reset();
        api.call("POST", "/instances/2/participants", api.john, "{\"userId\":1}");
        assertThat(api.call("DELETE", "/instances/2/participants/1", ApiServer.ADMIN, null).status()).isEqualTo(200);
        sealer = api.services.audit().sealer(api.clock, Duration.ofSeconds(2));
        sealer.tick();
    }

    @Test
    void theCheckpointNamesTheHeadsAndTheKeyThatSignedThem() {
        var checkpoint = api.call("GET", "/audit/checkpoint", ApiServer.ADMIN, null).json();

        assertThat(checkpoint.path("n").asLong()).isEqualTo(1);
        assertThat(checkpoint.path("heads").path("users").path("seq").asLong()).as("two users made, their tokens").isEqualTo(4);
        assertThat(checkpoint.path("heads").path("meeting:2").path("seq").asLong()).as("made, scheduled, the removal").isEqualTo(3);
        assertThat(checkpoint.path("publicKey").asText()).isNotEmpty();
    }

    @Test
    void theExportVerifiesOfflineWithThePublicKeyAlone() throws Exception {
        String key = api.call("GET", "/audit/checkpoint", ApiServer.ADMIN, null).json().path("publicKey").asText();

        var export = api.call("GET", "/audit/export", ApiServer.ADMIN, null);

        assertThat(export.contentType()).startsWith("application/jsonl");
        var lines = AuditLines.read(new BufferedReader(new StringReader(export.raw().body())));
        AuditVerifier.Verdict verdict = AuditVerifier.verify(lines, SealKey.publicKey(key));
        assertThat(verdict.intact()).as(verdict.problem()).isTrue();
        assertThat(verdict.records()).as("two users made, their tokens; two meetings made, each with an instance; a removal")
                .isEqualTo(9);
    }

    @Test
    void aMemberCannotReadTheTrail() {
        assertThat(api.call("GET", "/audit/export", api.john, null).status()).isEqualTo(403);
    }

    @Test
    void theWholeTrailIsSearchedByActorAndActionNewestFirst() {
        api.clock.advance(Duration.ofSeconds(1));
        api.call("PATCH", "/users/2", ApiServer.ADMIN, "{\"role\":\"organizer\"}");
        sealer.tick();

        var all = api.call("GET", "/audit", ApiServer.ADMIN, null).json();
        var removals = api.call("GET", "/audit?action=participant_removed&actor=root", ApiServer.ADMIN, null).json();

        assertThat(all).extracting(r -> r.path("action").asText()).startsWith("role_changed")
                .containsSubsequence("user_created", "participant_removed", "meeting_created");
        assertThat(removals).singleElement().satisfies(r -> {
            assertThat(r.path("chain").asText()).isEqualTo("meeting:2");
            assertThat(r.path("target").asText()).isEqualTo("user:1");
            assertThat(r.path("details").path("instance").asText()).isEqualTo("2");
        });
    }

    @Test
    void aSearchWithAMalformedActorIsRefusedNamingIt() {
        var refused = api.call("GET", "/audit?actor=bob", ApiServer.ADMIN, null);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("actor");
    }

    @Test
    void theServersOwnVerificationSaysUpToWhichCheckpointTheTrailHolds() {
        var verdict = api.call("GET", "/audit/verification", ApiServer.ADMIN, null).json();

        assertThat(verdict.path("intact").asBoolean()).isTrue();
        assertThat(verdict.path("verifiedUpToCheckpoint").asLong()).isEqualTo(1);
        assertThat(verdict.path("records").asLong()).isEqualTo(9);
    }

    @Test
    void pagingGoesOnAfterTheLastRecordEvenWithinOneMillisecond() {
        var first = api.call("GET", "/audit?limit=3", ApiServer.ADMIN, null).json();
        var last = first.get(2);

        var next = api.call("GET", "/audit?limit=100&before=" + last.path("at").asText() + "&beforeRecord="
                + last.path("chain").asText() + "%23" + last.path("seq").asLong(), ApiServer.ADMIN, null).json();

        assertThat(first.size() + next.size()).as("every record once: the world's nine, all at one time").isEqualTo(9);
        java.util.Set<String> seen = new java.util.HashSet<>();
        first.forEach(r -> seen.add(r.path("chain").asText() + "#" + r.path("seq").asLong()));
        next.forEach(r -> assertThat(seen.add(r.path("chain").asText() + "#" + r.path("seq").asLong())).isTrue());
    }
}
