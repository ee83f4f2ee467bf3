package org.convene.app;

import java.nio.file.Path;
import org.convene.audit.SealKey;

/**
 * The Ed25519 key that signs the audit checkpoints, never in Redis: CONVENE_AUDIT_KEY (as {@code audit-seal.key}
 * holds it; every node of one deployment must have the same), else {@code audit-seal.key} in the data
 * directory, made on first use readable by its owner only. A node that opens no store of its own (tests, the
 * benchmark) without a configured key uses one that lives as long as it does.
 */
final class AuditKey {
    private AuditKey() {}

    static SealKey of(Settings settings, boolean persistent) {
        if (settings.audit().key().isPresent()) return SealKey.of(settings.audit().key().get());
        if (!persistent) return SealKey.generate();
        Path file = settings.store().dataDir().resolve("audit-seal.key");
        return SealKey.of(KeyFile.readOrMake(file, () -> SealKey.generate().privateBase64(), "audit seal key"));
    }
}
