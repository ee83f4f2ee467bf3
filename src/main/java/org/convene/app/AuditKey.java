package org.convene.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.convene.audit.SealKey;

/**
 * The Ed25519 key that signs the audit checkpoints, never in Redis: CONVENE_AUDIT_KEY (as {@code convene audit
 * key} prints it; every node of one deployment must have the same), else {@code audit-seal.key} in the data
 * directory, made on first use readable by its owner only. A node that opens no store of its own (tests, the
 * benchmark) without a configured key uses one that lives as long as it does.
 */
final class AuditKey {
    private AuditKey() {}

    static SealKey of(Settings settings, boolean persistent) {
        if (settings.auditKey().isPresent()) return SealKey.of(settings.auditKey().get());
        if (!persistent) return SealKey.generate();
        Path file = settings.store().dataDir().resolve("audit-seal.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path fresh = Files.createTempFile(file.toAbsolutePath().getParent(), "audit-seal", ".key");
                try {
                    Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // a file system without POSIX permissions: its own access rules apply
                }
                Files.writeString(fresh, SealKey.generate().privateBase64() + "\n", StandardCharsets.US_ASCII);
                try {
                    Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException another) {
                    Files.deleteIfExists(fresh); // another node on this directory made it first
                }
            }
            return SealKey.of(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or make the audit seal key " + file + ": " + e.getMessage(), e);
        }
    }
}
