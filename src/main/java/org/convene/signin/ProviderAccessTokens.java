package org.convene.signin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.HashSet;
import java.util.Set;
import org.convene.core.AccessTokenCheck;
import org.convene.model.Refusal;

/**
 * The identity provider's access tokens as bearer tokens of the API, validated as the design says: RS256 or ES256
 * only (so never {@code alg: none} and never an HMAC keyed with a public key), the issuer exactly, the configured
 * audience among {@code aud}, {@code exp} and {@code nbf} with 30 s of skew, and a key of the issuer's JWKS.
 */
final class ProviderAccessTokens implements AccessTokenCheck {
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    private static final int SKEW_SECONDS = 30;

    private final Discovery discovery;
    private final OidcSettings settings;
    private final ProviderClaims claims;
    private volatile DefaultJWTProcessor<SecurityContext> processor;

    ProviderAccessTokens(Discovery discovery, OidcSettings settings, ProviderClaims claims) {
        this.discovery = discovery;
        this.settings = settings;
        this.claims = claims;
    }

    @Override
    public Checked check(String token) {
        JWTClaimsSet set;
        try {
            set = processor().process(token, null);
        } catch (KeySourceException unreachable) {
            throw Refusal.UNAUTHORIZED.refuse("The access token's signing key is not known and the identity provider "
                    + "cannot be reached to fetch it");
        } catch (ParseException | BadJOSEException | JOSEException invalid) {
            throw Refusal.UNAUTHORIZED.refuse("The access token is not valid: " + reason(invalid.getMessage()));
        }
        return new Checked(claims.fromAccessToken(set), set.getExpirationTime().toInstant());
    }

    /** Why a token was refused, in words: the library's message where it says nothing clearer. */
    private String reason(String message) {
        String m = message == null ? "" : message;
        if (m.contains("Expired")) return "it has expired";
        if (m.contains("before use time")) return "it is not valid yet (nbf)";
        if (m.contains("aud")) return "it is not meant for this API (its aud does not name " + settings.audience() + ")";
        if (m.contains("iss")) return "another issuer signed it (iss must be " + discovery.issuer().getValue() + ")";
        if (m.contains("plain") || m.contains("Unsecured")) return "it is not signed";
        if (m.contains("nonce")) return "it is an ID token, not an access token";
        if (m.contains("type") || m.contains("typ")) return "its typ is not that of an access token (at+jwt or JWT)";
        if (m.contains("algorithm") || m.contains("matching key")) {
            return "it is not signed with RS256 or ES256 by a key of the identity provider";
        }
        return m.isEmpty() ? "it cannot be read" : m;
    }

    /** The processor, made once the provider's keys are known. */
    private DefaultJWTProcessor<SecurityContext> processor() {
        DefaultJWTProcessor<SecurityContext> known = processor;
        if (known != null) return known;
        DefaultJWTProcessor<SecurityContext> made = new DefaultJWTProcessor<>();
        // RFC 9068's at+jwt, plain JWT, or none; an ID token (which says nonce) is refused below.
        made.setJWSTypeVerifier(new com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier<>(
                com.nimbusds.jose.JOSEObjectType.JWT, new com.nimbusds.jose.JOSEObjectType("at+jwt"), null));
        made.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, discovery.provider().keys()));
        DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>(Set.of(settings.audience()),
                new JWTClaimsSet.Builder().issuer(discovery.issuer().getValue()).build(),
                new HashSet<>(Set.of("iss", "sub", "exp", "aud")), new HashSet<>(Set.of("nonce")));
        verifier.setMaxClockSkew(SKEW_SECONDS);
        made.setJWTClaimsSetVerifier(verifier);
        processor = made;
        return made;
    }
}
