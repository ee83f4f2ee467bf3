package org.convene.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.convene.model.Refusal;
import org.convene.model.RefusedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokensTest {
    static final Duration REMEMBER = Duration.ofSeconds(5);

    final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-01-05T10:00:00Z"));
    final InMemoryCredentials credentials = new InMemoryCredentials();
    Tokens tokens;

    @BeforeEach
    void oneUser() {
        credentials.emails.put(1L, "ann@example.com");
        tokens = new Tokens(credentials, Optional.empty(), clock, REMEMBER);
    }

    @Test
    void anIssuedTokenAuthenticatesItsUser() {
        String token = tokens.issue(1);

        assertThat(tokens.authenticate(token)).isEqualTo(Caller.user(1, "ann@example.com"));
    }

    @Test
    void onlyTheHashIsStored() {
        String token = tokens.issue(1);

        assertThat(credentials.users).containsOnlyKeys(Tokens.hash(token));
        assertThat(credentials.users.keySet()).noneMatch(stored -> stored.contains(token));
    }

    @Test
    void anUnknownTokenIsRefused() {
        assertThatThrownBy(() -> tokens.authenticate("cv_nobody")).isInstanceOf(RefusedException.class)
                .extracting(e -> ((RefusedException) e).refusal()).isEqualTo(Refusal.UNAUTHORIZED);
    }

    @Test
    void aRetiredTokenStillWorksUntilItsRememberedLookupExpiresThenNot() {
        String old = tokens.issue(1);
        tokens.authenticate(old);
        tokens.issue(1);

        clock.advance(REMEMBER);
        assertThat(tokens.authenticate(old).userId()).isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        assertThatThrownBy(() -> tokens.authenticate(old)).isInstanceOf(RefusedException.class);
    }

    @Test
    void theFirstStartMakesAnAdministratorTokenAndLaterStartsKeepIt() {
        String made = tokens.ensureAdminToken().orElseThrow();

        assertThat(new Tokens(credentials, Optional.empty(), clock, REMEMBER).ensureAdminToken()).isEmpty();
        assertThat(tokens.authenticate(made)).isEqualTo(Caller.ADMIN);
    }

    @Test
    void anAdministratorTokenRotatedByAnotherProcessIsTakenUpOnceTheRememberedOneExpires() {
        tokens.ensureAdminToken();
        Tokens elsewhere = new Tokens(credentials, Optional.empty(), clock, REMEMBER);
        String rotated = elsewhere.rotateAdmin();

        assertThatThrownBy(() -> tokens.authenticate(rotated)).isInstanceOf(RefusedException.class);
        clock.advance(REMEMBER.plusMillis(1));
        assertThat(tokens.authenticate(rotated)).isEqualTo(Caller.ADMIN);
    }

    @Test
    void theRotatedAdministratorTokenReplacesTheOldOneAtOnceWhereItWasRotated() {
        String old = tokens.rotateAdmin();
        String rotated = tokens.rotateAdmin();

        assertThat(tokens.authenticate(rotated)).isEqualTo(Caller.ADMIN);
        assertThatThrownBy(() -> tokens.authenticate(old)).isInstanceOf(RefusedException.class);
    }

    @Test
    void aConfiguredAdministratorTokenCannotBeRotatedAway() {
        Tokens configured = new Tokens(credentials, Optional.of("configured-admin-token-0123"), clock, REMEMBER);

        assertThatThrownBy(configured::rotateAdmin).isInstanceOf(RefusedException.class)
                .hasMessageContaining("CONVENE_ADMIN_TOKEN");
        assertThat(configured.authenticate("configured-admin-token-0123")).isEqualTo(Caller.ADMIN);
    }

    @Test
    void aUserWhoDoesNotExistGetsNoToken() {
        assertThatThrownBy(() -> tokens.issue(99)).isInstanceOf(RefusedException.class)
                .hasMessage("Invalid user ID");
    }
}
