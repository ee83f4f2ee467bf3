package org.convene.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.convene.core.Tokens;
import org.convene.core.port.Credentials.TokenOwner;
import org.convene.core.port.SignInStore;
import org.convene.model.Acting;
import org.convene.model.GlobalRole;
import org.convene.model.Invitation;
import org.convene.model.ProviderIdentity;
import org.convene.model.RefusedException;
import org.convene.testing.Rounds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signing in, kept on a real Redis: people of the identity provider become one user each however many sign in at once;
 * a sign-in under way is taken once however many nodes race for it; sessions end after their idle time unless used,
 * and all at once when asked; an invitation makes one user however many accept it at once.
 */
abstract class SignInContract extends StoreContract {
    private static final String ISSUER = "https://idp.example.org/realms/example";
    SignInStore signIns;

    @BeforeEach
    void signIns() {
        signIns = store.signIns();
    }

    private static ProviderIdentity person(String subject, String email) {
        return new ProviderIdentity(ISSUER, subject, email, true, "Someone", GlobalRole.MEMBER);
    }

    private static void together(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code each} on {@code n} threads released together, and returns their answers (a refusal as null). */
    private static <T> List<T> atOnce(int n, java.util.function.Supplier<T> each) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        List<CompletableFuture<T>> runs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                together(start);
                try {
                    return each.get();
                } catch (RefusedException refused) {
                    return null;
                }
            }));
        }
        List<T> answers = new ArrayList<>();
        for (CompletableFuture<T> run : runs) answers.add(run.get());
        return answers;
    }

    @Test
    void aPersonIsTheSameUserWhateverTheirEmailBecomes() {
        long first = signIns.signIn(person("p-1", "old@example.org"), false, clock.instant()).userId();

        TokenOwner later = signIns.signIn(person("p-1", "new@example.org"), false, clock.instant());

        assertThat(later.userId()).isEqualTo(first);
        assertThat(later.email()).isEqualTo("new@example.org");
        assertThat(convene.user(first).details().email()).isEqualTo("new@example.org");
    }

    @Test
    void manyFirstSignInsOfOnePersonAtOnceMakeOneUser() throws Exception {
        int rounds = Rounds.of(3);
        for (int round = 0; round < rounds; round++) {
            String subject = "racer-" + round;
            List<TokenOwner> owners = atOnce(8, () -> signIns.signIn(person(subject, subject + "@example.org"), false,
                    clock.instant()));

            assertThat(owners).doesNotContainNull();
            assertThat(owners.stream().map(TokenOwner::userId).distinct()).as("round %d", round).hasSize(1);
        }
    }

    @Test
    void aSignInUnderWayIsTakenByOneNodeAlone() throws Exception {
        int rounds = Rounds.of(3);
        for (int round = 0; round < rounds; round++) {
            signIns.saveLogin("state-" + round, "{\"round\":" + round + "}", Duration.ofMinutes(10));
            String state = "state-" + round;

            List<Optional<String>> takes = atOnce(8, () -> signIns.takeLogin(state));

            assertThat(takes.stream().filter(Optional::isPresent)).as("round %d", round).hasSize(1);
        }
    }

    @Test
    void aSessionEndsAfterItsIdleTimeUnlessUsed() {
        String hash = Tokens.hash("cs_idle");
        signIns.openSession(john.id(), hash, "test", Duration.ofMillis(800), clock.instant().plus(hours(24)), clock.instant(), "");

        assertThat(signIns.sessionOwner(hash, Duration.ofMillis(800), clock.instant())).map(TokenOwner::userId).contains(john.id());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> signIns.sessionOwners(Set.of(hash), clock.instant()).isEmpty());
        assertThat(signIns.sessionOwner(hash, Duration.ofMillis(800), clock.instant())).isEmpty();
    }

    @Test
    void aSessionEndsAtItsEndHoweverMuchItIsUsed() {
        String hash = Tokens.hash("cs_end");
        signIns.openSession(john.id(), hash, "test", Duration.ofHours(8), clock.instant().plus(hours(24)), clock.instant(), "");
        clock.advance(hours(23));
        assertThat(signIns.sessionOwner(hash, Duration.ofHours(8), clock.instant())).isPresent();

        clock.advance(hours(2));

        assertThat(signIns.sessionOwner(hash, Duration.ofHours(8), clock.instant())).isEmpty();
    }

    @Test
    void aSessionKeptAsABareUserIdHasEndedAndEndsCleanly() throws Exception {
        String hash = Tokens.hash("cs_bare");
        redis().async().set(Keys.USERS + ":session:" + hash, Long.toString(john.id())).get();

        assertThat(signIns.sessionOwner(hash, Duration.ofHours(8), clock.instant())).isEmpty();
        redis().async().set(Keys.USERS + ":session:" + hash, Long.toString(john.id())).get();
        signIns.endSession(hash);
        assertThat(redis().async().exists(Keys.USERS + ":session:" + hash).get()).isZero();
    }

    @Test
    void endingEverywhereEndsEverySessionOfThatUserAlone() {
        signIns.openSession(john.id(), Tokens.hash("cs_a"), "test", Duration.ofHours(1), clock.instant().plus(hours(24)), clock.instant(), "");
        signIns.openSession(john.id(), Tokens.hash("cs_b"), "test", Duration.ofHours(1), clock.instant().plus(hours(24)), clock.instant(), "");
        signIns.openSession(jane.id(), Tokens.hash("cs_c"), "test", Duration.ofHours(1), clock.instant().plus(hours(24)), clock.instant(), "");

        long ended = signIns.endSessions(john.id(), Acting.ROOT, clock.instant());

        assertThat(ended).isEqualTo(2);
        assertThat(signIns.sessionOwners(Set.of(Tokens.hash("cs_a"), Tokens.hash("cs_b"), Tokens.hash("cs_c")), clock.instant()))
                .containsOnlyKeys(Tokens.hash("cs_c"));
    }

    @Test
    void aSuspendedUsersSessionsOpenNothing() {
        signIns.openSession(john.id(), Tokens.hash("cs_s"), "test", Duration.ofHours(1), clock.instant().plus(hours(24)), clock.instant(), "");

        convene.roles().suspend(john.id(), true, org.convene.model.Actor.ROOT, "r");

        assertThat(signIns.sessionOwner(Tokens.hash("cs_s"), Duration.ofHours(1), clock.instant())).isEmpty();
    }

    @Test
    void deletingAUserLetsGoOfTheirIdentityAndEndsTheirSessions() {
        TokenOwner owner = signIns.signIn(person("gone", "gone@example.org"), false, clock.instant());
        signIns.openSession(owner.userId(), Tokens.hash("cs_gone"), "test", Duration.ofHours(1), clock.instant().plus(hours(24)), clock.instant(), "");

        convene.deleteUser(owner.userId());

        assertThat(signIns.identityOwner(ISSUER, "gone")).isEmpty();
        assertThat(signIns.sessionOwners(Set.of(Tokens.hash("cs_gone")), clock.instant())).isEmpty();
        assertThat(signIns.signIn(person("gone", "gone@example.org"), false, clock.instant()).userId())
                .isNotEqualTo(owner.userId());
    }

    @Test
    void anInvitationAcceptedByManyAtOnceMakesOneUser() throws Exception {
        int rounds = Rounds.of(3);
        for (int round = 0; round < rounds; round++) {
            String hash = Tokens.hash("inv_" + round);
            store.accounts().invite(hash, new Invitation("kim" + round + "@example.org", "Kim", clock.instant().plus(
                    Duration.ofDays(7)), 0), Acting.ROOT, clock.instant());

            List<TokenOwner> owners = atOnce(8, () -> store.accounts().accept(hash, "pbkdf2-sha256$1$AA$AA", "", clock.instant(), ""));

            assertThat(owners.stream().filter(o -> o != null)).as("round %d", round).hasSize(1);
        }
    }
}
