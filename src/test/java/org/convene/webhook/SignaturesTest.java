package org.convene.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignaturesTest {
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureMatchesTheSpecificationsExample() {
        assertThat(Signatures.header(List.of(SECRET), ID, 1614265330, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void theReferenceLibraryAcceptsEachOfSeveralSignatures() throws Exception {
        String other = Signatures.newSecret();
        long now = System.currentTimeMillis() / 1000;
        Map<String, List<String>> headers = Map.of("webhook-id", List.of(ID), "webhook-timestamp", List.of(Long.toString(now)),
                "webhook-signature", List.of(Signatures.header(List.of(other, SECRET), ID, now, BODY)));

        new Webhook(SECRET).verify(new String(BODY, StandardCharsets.UTF_8), headers);
        new Webhook(other).verify(new String(BODY, StandardCharsets.UTF_8), headers);
    }

    @Test
    void aNewSecretIsTwentyFourRandomBytesAfterThePrefix() {
        String secret = Signatures.newSecret();

        assertThat(secret).startsWith("whsec_").isNotEqualTo(Signatures.newSecret());
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(24);
    }
}
