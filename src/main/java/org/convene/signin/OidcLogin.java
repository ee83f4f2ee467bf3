package org.convene.signin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.convene.core.Caller;
import org.convene.core.ProviderLogin;
import org.convene.core.SignIns;
import org.convene.model.Refusal;

/**
 * The console's sign-in through the identity provider, as a confidential client: authorization code with PKCE
 * (S256), {@code state} and {@code nonce}. The transaction (verifier, nonce, callback, where to return) is kept in
 * Redis for ten minutes and taken once, so any node can take the callback and a replayed state finds nothing; the
 * code is exchanged with the client's secret, the ID token validated (RS256 or ES256, issuer, audience, nonce, times),
 * the person signed in and a Convene session opened.
 */
final class OidcLogin implements ProviderLogin {
    private static final int TIMEOUT_MS = 5_000;

    private final Discovery discovery;
    private final OidcSettings settings;
    private final ProviderClaims claims;
    private final SignIns signIns;

    OidcLogin(Discovery discovery, OidcSettings settings, ProviderClaims claims, SignIns signIns) {
        this.discovery = discovery;
        this.settings = settings;
        this.claims = claims;
        this.signIns = signIns;
    }

    @Override
    public Optional<URI> publicUrl() {
        return settings.publicUrl();
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public Started start(URI callback, String returnTo) {
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        signIns.saveLogin(state.getValue(), JSONObjectUtils.toJSONString(Map.of("verifier", verifier.getValue(),
                "nonce", nonce.getValue(), "callback", callback.toString(), "returnTo", returnTo)));
        URI authorize = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "email", "profile"),
                new ClientID(settings.clientId()), callback)
                .endpointURI(discovery.provider().metadata().getAuthorizationEndpointURI())
                .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256)
                .build().toURI();
        return new Started(authorize, state.getValue());
    }

    @Override
    public Finished finish(String state, String code, String requestId) {
        Map<String, Object> tx = transaction(state);
        try {
            TokenRequest request = new TokenRequest(discovery.provider().metadata().getTokenEndpointURI(),
                    new ClientSecretBasic(new ClientID(settings.clientId()), new Secret(settings.clientSecret())),
                    new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create((String) tx.get("callback")),
                            new CodeVerifier((String) tx.get("verifier"))));
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(TIMEOUT_MS);
            http.setReadTimeout(TIMEOUT_MS);
            TokenResponse response = OIDCTokenResponseParser.parse(http.send());
            if (!response.indicatesSuccess()) {
                TokenErrorResponse error = response.toErrorResponse();
                throw Refusal.SIGN_IN_FAILED.refuse("The identity provider refused the sign-in ("
                        + error.getErrorObject().getCode() + "): start again");
            }
            if (!(response.toSuccessResponse() instanceof OIDCTokenResponse tokens) || tokens.getOIDCTokens().getIDToken() == null) {
                throw Refusal.SIGN_IN_FAILED.refuse("The identity provider sent no ID token: is the openid scope allowed for this client?");
            }
            IDTokenValidator validator = new IDTokenValidator(discovery.issuer(), new ClientID(settings.clientId()),
                    new JWSVerificationKeySelector<SecurityContext>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256),
                            discovery.provider().keys()), null);
            validator.setMaxClockSkew(30);
            validator.validate(tokens.getOIDCTokens().getIDToken(), new Nonce((String) tx.get("nonce")));
            JWTClaimsSet set = tokens.getOIDCTokens().getIDToken().getJWTClaimsSet();
            Caller caller = signIns.signIn(claims.identity(set));
            String session = signIns.openSession(caller, "identity provider", requestId);
            return new Finished(session, caller, (String) tx.get("returnTo"));
        } catch (IOException unreachable) {
            throw Refusal.PROVIDER_UNAVAILABLE.refuse(discovery.issuer().getValue());
        } catch (ParseException | java.text.ParseException | BadJOSEException | JOSEException invalid) {
            throw Refusal.SIGN_IN_FAILED.refuse("The identity provider's answer is not valid: " + invalid.getMessage());
        }
    }

    /** The transaction kept under {@code state}, taken: refused when it expired, was used, or never was. */
    private Map<String, Object> transaction(String state) {
        String kept = signIns.takeLogin(state == null ? "" : state).orElseThrow(() -> Refusal.SIGN_IN_FAILED.refuse(
                "This sign-in expired or was used already: start again"));
        try {
            return JSONObjectUtils.parse(kept);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("a kept sign-in is not JSON", e);
        }
    }

    @Override
    public Optional<URI> signOut(URI after) {
        URI endSession = discovery.provider().metadata().getEndSessionEndpointURI();
        if (endSession == null) return Optional.empty();
        String separator = endSession.getQuery() == null ? "?" : "&";
        return Optional.of(URI.create(endSession + separator + "client_id="
                + java.net.URLEncoder.encode(settings.clientId(), java.nio.charset.StandardCharsets.UTF_8)
                + "&post_logout_redirect_uri=" + java.net.URLEncoder.encode(after.toString(), java.nio.charset.StandardCharsets.UTF_8)));
    }
}
