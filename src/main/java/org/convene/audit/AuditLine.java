package org.convene.audit;

/** One line of an audit export: a sealed record, or a signed checkpoint; {@code line} is where it stood (from 1). */
public sealed interface AuditLine {
    /** Where the line stood in the export. */
    long line();

    /** A record with its seal. */
    record Sealed(long line, AuditEntry entry, Seal seal) implements AuditLine {}

    /** A signed checkpoint. */
    record Signed(long line, Checkpoint checkpoint) implements AuditLine {}
}
