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

    /** The person an ID token names: all it says counts, an absent e-mail or role claim included (no e-mail, a member). */
    ProviderIdentity identity(JWTClaimsSet set) {
        return read(set, true);
    }

    /**
     * The person an access token names. Access tokens often leave out the e-mail and the roles (they are for APIs, not
     * for profiles): what such a token leaves out leaves the user as their last sign-in made them.
     */
    ProviderIdentity fromAccessToken(JWTClaimsSet set) {
        return read(set, false);
    }

    private ProviderIdentity read(JWTClaimsSet set, boolean complete) {
        try {
            String email = set.getStringClaim("email");
            boolean verified = trustEmails || Boolean.TRUE.equals(set.getBooleanClaim("email_verified"));
            String name = set.getStringClaim("name");
            if (name == null) name = set.getStringClaim("preferred_username");
            boolean saysRole = complete || roles.present(set.getClaims());
            return new ProviderIdentity(set.getIssuer(), set.getSubject(), email, verified, name,
                    roles.of(set.getClaims()), complete || email != null, saysRole);
        } catch (ParseException e) {
            throw Refusal.UNAUTHORIZED.refuse("The token's claims are not what OpenID Connect says: " + e.getMessage());
        }
    }
}
