package org.convene.signin;

import com.nimbusds.oauth2.sdk.id.Issuer;
import java.time.Clock;
import org.convene.core.AccessTokenCheck;
import org.convene.core.ProviderLogin;
import org.convene.core.SignIns;

/** The organisation's identity provider as Convene uses it: its access tokens checked, and the console's sign-in. */
public final class OidcProvider {
    private final Discovery discovery;
    private final OidcSettings settings;
    private final ProviderClaims claims;

    /** The provider {@code settings} name; nothing is fetched from it until it is first needed. */
    public OidcProvider(OidcSettings settings, Clock clock) {
        this.settings = settings;
        this.discovery = new Discovery(new Issuer(settings.issuer()), clock);
        this.claims = new ProviderClaims(new RoleClaim(settings.roleClaim(), settings.adminValues(),
                settings.organizerValues(), settings.allowAdmin()), settings.trustEmails());
    }

    /** Checks the provider's access tokens, as bearer tokens of the API. */
    public AccessTokenCheck accessTokens() {
        return new ProviderAccessTokens(discovery, settings, claims);
    }

    /** The console's sign-in through the provider, ending in a session of {@code signIns}. */
    public ProviderLogin login(SignIns signIns) {
        return new OidcLogin(discovery, settings, claims, signIns);
    }
}
