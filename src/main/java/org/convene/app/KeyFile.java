package org.convene.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * A key kept in a file of the data directory: read if it is there, else made, written readable by its owner only and
 * moved into place at once (so that two nodes on one directory starting together end up with the same key).
 */
final class KeyFile {
    private KeyFile() {}

    /** The file's text, stripped; made first from {@code make} if the file does not exist. {@code what} names it in errors. */
    static String readOrMake(Path file, Supplier<String> make, String what) {
        try {
            if (!Files.exists(file)) {
                Path dir = file.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                Path fresh = Files.createTempFile(dir, what.replace(' ', '-'), ".key");
                try {
                    Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // a file system without POSIX permissions: its own access rules apply
                }
                Files.writeString(fresh, make.get() + "\n", StandardCharsets.US_ASCII);
                try {
                    Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException another) {
                    Files.deleteIfExists(fresh); // another node on this directory made it first
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or make the " + what + " " + file + ": " + e.getMessage(), e);
        }
    }
}
