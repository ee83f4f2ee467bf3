package org.convene.core;

import java.time.Instant;
import org.convene.model.ProviderIdentity;

/**
 * Validates an access token the organisation's identity provider issued (a compact JWS): its signature, issuer,
 * audience and times. Implemented outside the core, by the adapter that knows the provider.
 */
public interface AccessTokenCheck {

    /** A valid access token: the person it speaks for, and when it expires. */
    record Checked(ProviderIdentity identity, Instant expires) {}

    /** Returns whom {@code token} speaks for, or refuses with UNAUTHORIZED saying what was wrong. */
    Checked check(String token);

    /** Whether {@code token} has the shape of a compact JWS (three base64url parts), so is the provider's to check. */
    static boolean looksLikeJwt(String token) {
        if (token == null || token.length() > 16_384 || !token.startsWith("eyJ")) return false;
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        return second > 0 && token.indexOf('.', second + 1) < 0;
    }
}
