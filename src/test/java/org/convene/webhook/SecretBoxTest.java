package org.convene.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
    final SecretBox box = new SecretBox(Base64.getDecoder().decode(SecretBox.newKey()));

    @Test
    void aSealedSecretOpensToItself() {
        assertThat(box.open(box.seal("whsec_abc"))).isEqualTo("whsec_abc");
    }

    @Test
    void aSecretSealedUnderAnotherKeyDoesNotOpen() {
        String sealed = new SecretBox(new byte[32]).seal("whsec_abc");

        assertThatThrownBy(() -> box.open(sealed)).hasMessageContaining("CONVENE_WEBHOOK_KEY");
    }
}
