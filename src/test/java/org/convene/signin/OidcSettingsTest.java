package org.convene.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The identity provider's settings: nothing without an issuer, and settings that would open a hole refused by name. */
class OidcSettingsTest {
    private static Map<String, String> env(String issuer, String... more) {
        Map<String, String> env = new HashMap<>(Map.of("CONVENE_OIDC_ISSUER", issuer, "CONVENE_OIDC_CLIENT_ID", "convene",
                "CONVENE_OIDC_CLIENT_SECRET", "s3cret"));
        for (int i = 0; i < more.length; i += 2) env.put(more[i], more[i + 1]);
        return env;
    }

    @Test
    void withoutAnIssuerThereIsNoProvider() {
        assertThat(OidcSettings.from(Map.of())).isEmpty();
    }

    @Test
    void anIssuerOverPlainHttpElsewhereThanThisMachineIsRefused() {
        assertThatThrownBy(() -> OidcSettings.from(env("http://idp.example.org/realms/x")))
                .hasMessageContaining("CONVENE_OIDC_ISSUER must be an https URL");
        assertThat(OidcSettings.from(env("http://localhost:8081/realms/x"))).isPresent();
    }

    @Test
    void linkingByEmailAndTrustingUnverifiedEmailsTogetherAreRefused() {
        assertThatThrownBy(() -> OidcSettings.from(env("https://idp.example.org", "CONVENE_OIDC_LINK_BY_EMAIL", "true",
                "CONVENE_OIDC_TRUST_EMAILS", "true"))).hasMessageContaining("may not both be true");
    }

    @Test
    void theAudienceIsTheClientIdUnlessSetAndTheSecretIsNeverPrinted() {
        OidcSettings settings = OidcSettings.from(env("https://idp.example.org")).orElseThrow();

        assertThat(settings.audience()).isEqualTo("convene");
        assertThat(settings.toString()).doesNotContain("s3cret");
    }
}
