package org.convene.app;

import java.nio.file.Path;
import java.util.Base64;
import org.convene.webhook.SecretBox;

/**
 * The key that seals webhook secrets: CONVENE_WEBHOOK_KEY (the base64 of 32 bytes; every node of one
 * deployment must have the same), else {@code webhook.key} in the data directory, made on first use
 * readable by its owner only. A node that opens no store of its own (tests, the benchmark) without a
 * configured key uses one that lives as long as it does.
 */
final class WebhookKey {
    private WebhookKey() {}

    static SecretBox box(Settings settings, boolean persistent) {
        if (settings.webhookKey().isPresent()) return new SecretBox(decode(settings.webhookKey().get(), "CONVENE_WEBHOOK_KEY"));
        if (!persistent) return new SecretBox(decode(SecretBox.newKey(), "a new key"));
        Path file = settings.store().dataDir().resolve("webhook.key");
        return new SecretBox(decode(KeyFile.readOrMake(file, SecretBox::newKey, "webhook key"), file.toString()));
    }

    private static byte[] decode(String base64, String where) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.strip());
            if (key.length == 32) return key;
        } catch (IllegalArgumentException notBase64) {
            // refused below
        }
        throw new IllegalArgumentException(where + " must be the base64 of 32 bytes (openssl rand -base64 32)");
    }
}
