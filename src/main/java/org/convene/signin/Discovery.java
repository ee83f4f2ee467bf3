package org.convene.signin;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.net.MalformedURLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.convene.model.RefusedException;

/**
 * The identity provider as its discovery document describes it, read at the first need rather than at start (a
 * provider down while Convene starts delays sign-ins, nothing else), and its signing keys: the JWKS cached for five
 * minutes and refreshed ahead of expiry, an unknown {@code kid} refetched at most every 30 s, and the keys already
 * known kept for a day while the provider cannot be reached.
 */
final class Discovery {
    private static final Duration RETRY = Duration.ofSeconds(10);
    private static final int TIMEOUT_MS = 5_000;

    private final Issuer issuer;
    private final Clock clock;
    private volatile Provider provider;
    private volatile Instant failedAt = Instant.MIN;

    /** The provider's metadata and its keys. */
    record Provider(OIDCProviderMetadata metadata, JWKSource<SecurityContext> keys) {}

    Discovery(Issuer issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
    }

    /** The provider, discovered once; refuses (503) while it cannot be, trying again at most every ten seconds. */
    Provider provider() {
        Provider known = provider;
        if (known != null) return known;
        synchronized (this) {
            if (provider != null) return provider;
            if (failedAt.plus(RETRY).isAfter(clock.instant())) throw unreachable();
            try {
                OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(issuer, TIMEOUT_MS, TIMEOUT_MS);
                JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(metadata.getJWKSetURI().toURL())
                        .cache(Duration.ofMinutes(5).toMillis(), Duration.ofSeconds(15).toMillis())
                        .refreshAheadCache(true)
                        .rateLimited(Duration.ofSeconds(30).toMillis())
                        .outageTolerant(Duration.ofDays(1).toMillis())
                        .build();
                provider = new Provider(metadata, keys);
                return provider;
            } catch (GeneralException | IOException | RuntimeException e) {
                failedAt = clock.instant();
                throw unreachable();
            }
        }
    }

    private RefusedException unreachable() {
        return new RefusedException(org.convene.model.Refusal.PROVIDER_UNAVAILABLE,
                org.convene.model.Refusal.PROVIDER_UNAVAILABLE.message(issuer.getValue()));
    }

    /** The issuer, as tokens must name it exactly. */
    Issuer issuer() {
        return issuer;
    }

    static java.net.URL url(java.net.URI uri) {
        try {
            return uri.toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(uri + " is not a URL", e);
        }
    }
}
