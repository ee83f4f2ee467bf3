package org.convene.audit;

/** One line of an audit export: a sealed record, or a signed checkpoint; {@code line} is where it stood (from 1). */
public sealed interface AuditLine {
    /** Where the line stood in the export. */
    long line();

    /**
     * A record with its seal, and the salt of the person its personal fields are about ({@code ""}: none, or erased), with
     * which a verification checks those fields against their digests.
     */
    record Sealed(long line, AuditEntry entry, Seal seal, String salt) implements AuditLine {
        public Sealed {
            salt = salt == null ? "" : salt;
        }

        /** A record with no person's salt. */
        public Sealed(long line, AuditEntry entry, Seal seal) {
            this(line, entry, seal, "");
        }
    }

    /** A signed checkpoint. */
    record Signed(long line, Checkpoint checkpoint) implements AuditLine {}
}
