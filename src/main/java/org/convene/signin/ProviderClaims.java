package org.convene.signin;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import org.convene.model.ProviderIdentity;
import org.convene.model.Refusal;

/**
 * Who a validated token of the provider speaks for: its issuer and subject, its e-mail and whether it is verified
 * ({@code email_verified}, or every e-mail of an issuer trusted for them), a name ({@code name}, else
 * {@code preferred_username}), and the role its role claim gives.
 */
record ProviderClaims(RoleClaim roles, boolean trustEmails) {

    /** The person the claims name. */
    ProviderIdentity identity(JWTClaimsSet set) {
        try {
            String email = set.getStringClaim("email");
            boolean verified = trustEmails || Boolean.TRUE.equals(set.getBooleanClaim("email_verified"));
            String name = set.getStringClaim("name");
            if (name == null) name = set.getStringClaim("preferred_username");
            return new ProviderIdentity(set.getIssuer(), set.getSubject(), email, verified, name, roles.of(set.getClaims()));
        } catch (ParseException e) {
            throw Refusal.UNAUTHORIZED.refuse("The token's claims are not what OpenID Connect says: " + e.getMessage());
        }
    }
}
