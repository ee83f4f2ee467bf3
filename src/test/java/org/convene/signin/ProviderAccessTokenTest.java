package org.convene.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URL;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The identity provider's access tokens as the API's bearer tokens: the valid ones work, and every kind of bad one is refused. */
class ProviderAccessTokenTest {
    private static ProviderWorld world;

    @BeforeAll
    static void start() {
        world = new ProviderWorld();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static Map<String, Object> person(String email) {
        return Map.of("email", email, "email_verified", true, "name", "Someone");
    }

    /** A JWT with the provider's issuer and the API's audience, signed by {@code key} with {@code kid}. */
    private static String signedBy(RSAKey key, String subject) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims(subject));
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static JWTClaimsSet claims(String subject) {
        return new JWTClaimsSet.Builder().issuer(world.provider.issuerUrl(ProviderWorld.ISSUER_ID).toString())
                .subject(subject).audience(ProviderWorld.AUDIENCE).expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .issueTime(new Date()).build();
    }

    @Test
    void aValidAccessTokenActsAsThePersonItNames() {
        String token = world.accessToken("valid-1", Map.of("email", "valid1@example.org", "email_verified", true,
                "name", "Val Id", "groups", List.of("convene-organizers")));

        ProviderWorld.Answer me = world.get(0, "/me", token);

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().at("/user/email").asText()).isEqualTo("valid1@example.org");
        assertThat(me.json().at("/user/name").asText()).isEqualTo("Val Id");
        assertThat(me.json().at("/user/role").asText()).isEqualTo("organizer");
    }

    @Test
    void theSamePersonIsTheSameUserOnEveryNodeAndEveryToken() {
        long first = world.get(0, "/me", world.accessToken("same-1", person("same1@example.org"))).json().at("/user/id").asLong();
        long second = world.get(1, "/me", world.accessToken("same-1", person("same1@example.org"))).json().at("/user/id").asLong();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String token = world.accessToken("aud-1", "some-other-api", person("aud1@example.org"), 300);

        ProviderWorld.Answer me = world.get(0, "/me", token);

        assertThat(me.status()).isEqualTo(401);
        assertThat(me.json().get("detail").asText()).contains("not meant for this API");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        String token = world.provider.issueToken("elsewhere", "iss-1", ProviderWorld.AUDIENCE, person("iss1@example.org")).serialize();

        assertThat(world.get(0, "/me", token).status()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = world.accessToken("exp-1", ProviderWorld.AUDIENCE, person("exp1@example.org"), -120);

        ProviderWorld.Answer me = world.get(0, "/me", token);

        assertThat(me.status()).isEqualTo(401);
        assertThat(me.json().get("detail").asText()).containsIgnoringCase("expired");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String token = new PlainJWT(claims("none-1")).serialize();
        // "eyJ...e30." has an empty signature part: still three parts, so the provider's check decides.
        assertThat(world.get(0, "/me", token).status()).isEqualTo(401);
    }

    @Test
    void aTokenSignedWithHmacKeyedByTheProvidersPublicKeyIsRefused() throws Exception {
        JWKSet keys = JWKSet.load(new URL(world.provider.jwksUrl(ProviderWorld.ISSUER_ID).toString()));
        byte[] publicKey = keys.getKeys().get(0).toRSAKey().toPublicKey().getEncoded();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(keys.getKeys().get(0).getKeyID()).build(), claims("hmac-1"));
        forged.sign(new MACSigner(publicKey));

        assertThat(world.get(0, "/me", forged.serialize()).status()).isEqualTo(401);
    }

    @Test
    void anUnknownKeyIdIsRefusedAndRefetchesTheKeysAtMostOnce() throws Exception {
        world.get(0, "/me", world.accessToken("kid-warm", person("kidwarm@example.org")));
        drainRequests();
        RSAKey rogue = new RSAKeyGenerator(2048).keyID("rogue-key").generate();

        for (int i = 0; i < 3; i++) assertThat(world.get(0, "/me", signedBy(rogue, "kid-" + i)).status()).isEqualTo(401);

        assertThat(drainRequests().stream().filter(r -> r.getPath().endsWith("/jwks")).count()).isLessThanOrEqualTo(1);
    }

    private static List<RecordedRequest> drainRequests() throws InterruptedException {
        List<RecordedRequest> seen = new java.util.ArrayList<>();
        try {
            while (true) seen.add(world.provider.takeRequest(200, TimeUnit.MILLISECONDS));
        } catch (RuntimeException noneLeft) {
            return seen;
        }
    }
}
