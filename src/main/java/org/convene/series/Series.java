package org.convene.series;

import java.time.Instant;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * A recurring series of a meeting: its rule, when it was made, how far its occurrences have been made
 * as instances ({@code madeUntil}, the original start of the last one; null before the first), its
 * {@code sequence} (RFC 5545's: it grows with every change to it or an occurrence), its occurrences by
 * recurrence id, and the recurrence ids cancelled.
 */
public record Series(long id, long meetingId, SeriesRule rule, long sequence, Instant createdAt, Instant madeUntil,
                     SortedMap<Instant, Long> occurrences, SortedSet<Instant> cancelled) {
}
